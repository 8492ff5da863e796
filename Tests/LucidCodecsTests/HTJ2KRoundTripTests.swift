import LucidCodecs
import LucidTestSupport
import Testing

@Suite("HTJ2K lossless round trips")
struct HTJ2KRoundTripTests {
    static let cases: [(name: String, source: CodestreamSource)] = [
        ("12-bit grey in 16 bits", HTJ2KTestData.random(width: 67, height: 45, precision: 12, seed: 1)),
        ("16-bit grey", HTJ2KTestData.random(width: 40, height: 33, precision: 16, seed: 2)),
        ("16-bit signed", HTJ2KTestData.random(width: 51, height: 29, precision: 16, isSigned: true, seed: 3)),
        ("12-bit signed", HTJ2KTestData.random(width: 30, height: 30, precision: 12, isSigned: true, seed: 4)),
        ("8-bit grey", HTJ2KTestData.random(width: 64, height: 64, precision: 8, seed: 5)),
        ("8-bit signed", HTJ2KTestData.random(width: 9, height: 70, precision: 8, isSigned: true, seed: 6)),
        ("8-bit RGB", HTJ2KTestData.random(width: 37, height: 23, components: 3, precision: 8, seed: 7)),
        ("16-bit RGB", HTJ2KTestData.random(width: 20, height: 21, components: 3, precision: 16, seed: 8)),
        ("1x1", HTJ2KTestData.random(width: 1, height: 1, precision: 12, seed: 9)),
        ("1x1 RGB", HTJ2KTestData.random(width: 1, height: 1, components: 3, precision: 8, seed: 10)),
        ("3x517", HTJ2KTestData.random(width: 3, height: 517, precision: 10, seed: 11)),
        ("517x3", HTJ2KTestData.random(width: 517, height: 3, precision: 8, seed: 12)),
        ("1-bit", HTJ2KTestData.random(width: 33, height: 17, precision: 1, seed: 13)),
    ]

    @Test("encode then decode gives the same samples, geometry and sign", arguments: 0..<cases.count)
    func roundTrip(index: Int) throws {
        let source = Self.cases[index].source
        for rpcl in [false, true] {
            let codestream = try HTJ2KCodec.encode(source, progressionRPCL: rpcl)
            #expect(Array(codestream.prefix(2)) == [0xFF, 0x4F] && Array(codestream.suffix(2)) == [0xFF, 0xD9])
            let decoded = try HTJ2KCodec.decode(codestream, limits: CodestreamLimits(maximumSampleCount: 1 << 20))
            #expect(decoded.width == source.width && decoded.height == source.height)
            #expect(decoded.components == source.components)
            #expect(decoded.precision == source.precision && decoded.isSigned == source.isSigned)
            #expect(!decoded.colorTransformUndone, "RGB is written without a colour transform")
            #expect(decoded.samples == source.samples, "\(Self.cases[index].name), RPCL \(rpcl)")
        }
    }

    @Test("RPCL codestreams carry a TLM segment whose length is the tile-part's")
    func tileLengthMarker() throws {
        let source = HTJ2KTestData.random(width: 100, height: 80, precision: 12, seed: 21)
        let plain = try HTJ2KCodec.encode(source)
        let rpcl = try HTJ2KCodec.encode(source, progressionRPCL: true)
        #expect(plain.count + 12 == rpcl.count)
        let sot = try #require(markerOffset(0xFF90, in: rpcl))
        let tlm = try #require(markerOffset(0xFF55, in: rpcl))
        let plainSOT = try #require(markerOffset(0xFF90, in: plain))
        #expect(tlm + 12 == sot && markerOffset(0xFF55, in: Array(plain[..<plainSOT])) == nil)
        // Ltlm 10, Ztlm 0, Stlm 0x60 (16-bit Ttlm, 32-bit Ptlm), Ttlm 0, then Ptlm.
        #expect(Array(rpcl[(tlm + 2)..<(tlm + 8)]) == [0, 10, 0, 0x60, 0, 0])
        let listed = rpcl[(tlm + 8)..<(tlm + 12)].reduce(0) { $0 << 8 | Int($1) }
        #expect(listed == rpcl.count - 2 - sot)
        // COD's progression order byte (after Lcod and Scod): LRCP 0, RPCL 2.
        let cod = try #require(markerOffset(0xFF52, in: rpcl))
        let plainCOD = try #require(markerOffset(0xFF52, in: plain))
        #expect(rpcl[cod + 5] == 2 && plain[plainCOD + 5] == 0)
    }

    @Test("samples outside the precision, wrong containers and bad shapes are refused")
    func invalidSources() {
        let tooBig = CodestreamSource(
            width: 2, height: 1, components: 1, precision: 12, isSigned: false, samples: .uint16([4095, 4096]))
        #expect(throws: CodecError.self) { try HTJ2KCodec.encode(tooBig) }
        let signedTooLow = CodestreamSource(
            width: 1, height: 1, components: 1, precision: 12, isSigned: true, samples: .uint16([0xF7FF]))
        #expect(throws: CodecError.self) { try HTJ2KCodec.encode(signedTooLow) }
        let wrongContainer = CodestreamSource(
            width: 1, height: 1, components: 1, precision: 12, isSigned: false, samples: .uint8([1]))
        #expect(throws: CodecError.self) { try HTJ2KCodec.encode(wrongContainer) }
        let wrongCount = CodestreamSource(
            width: 2, height: 2, components: 1, precision: 8, isSigned: false, samples: .uint8([1, 2, 3]))
        #expect(throws: CodecError.self) { try HTJ2KCodec.encode(wrongCount) }
        let twoComponents = CodestreamSource(
            width: 1, height: 1, components: 2, precision: 8, isSigned: false, samples: .uint8([1, 2]))
        #expect(throws: CodecError.self) { try HTJ2KCodec.encode(twoComponents) }
    }

    private func markerOffset(_ marker: UInt16, in bytes: [UInt8]) -> Int? {
        (0..<(bytes.count - 1)).first { bytes[$0] == UInt8(marker >> 8) && bytes[$0 + 1] == UInt8(marker & 0xFF) }
    }
}
