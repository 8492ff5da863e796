import Foundation
import LucidCodecs
import LucidDICOM
import LucidTestSupport
import Testing

/// The corpora hold no HTJ2K file, so native samples are encoded by OpenJPH's own `ojph_compress`
/// and decoded here, and what `HTJ2KCodec.encode` writes is decoded by OpenJPEG (pylibjpeg-openjpeg).
@Suite("HTJ2K against ojph_compress and OpenJPEG")
struct HTJ2KReferenceTests {
    /// Frame 0 of a native sample as a source: samples masked to Bits Stored, little-endian.
    static func nativeSource(_ name: String) throws -> (source: CodestreamSource, sha256: String) {
        let entry = try SampleCorpus.entry(name)
        let file = try DICOMFile.read(path: SampleCorpus.path(name))
        let bytes = try #require(file.dataSet.rawValue(.pixelData))
        let rows = try #require(entry["rows"] as? Int), columns = try #require(entry["columns"] as? Int)
        let components = try #require(entry["samples_per_pixel"] as? Int)
        let bitsStored = try #require(entry["bits_stored"] as? Int)
        let frame = try #require(entry["stored_frame0"] as? [String: Any])
        let sha256 = try #require(frame["sha256_le"] as? String)
        let count = rows * columns * components
        let samples: SampleBuffer
        if bitsStored <= 8 {
            samples = .uint8(Array(bytes.prefix(count)))
        } else {
            let start = bytes.startIndex
            let mask = UInt16((1 << bitsStored) - 1)
            samples = .uint16(
                (0..<count).map { (UInt16(bytes[start + 2 * $0]) | UInt16(bytes[start + 2 * $0 + 1]) << 8) & mask })
        }
        let source = CodestreamSource(
            width: columns, height: rows, components: components, precision: bitsStored, isSigned: false,
            samples: samples)
        return (source, sha256)
    }

    static let limits = CodestreamLimits(maximumSampleCount: 1 << 22)

    @Test(
        "lossless codestreams of ojph_compress decode to the manifest's samples",
        arguments: [
            ("ct_philips_12bit_two_windows.dcm", ["-reversible", "true"], false),
            ("us_rgb_evrle.dcm", ["-reversible", "true", "-colour_trans", "false"], false),
            ("us_rgb_evrle.dcm", ["-reversible", "true", "-colour_trans", "true"], true),
            ("us_rgb_evrle.dcm", ["-reversible", "true", "-prog_order", "LRCP", "-block_size", "{32,32}"], true),
        ])
    func referenceLossless(name: String, options: [String], colorTransform: Bool) throws {
        let (source, sha256) = try Self.nativeSource(name)
        #expect(SHA256.hex(HTJ2KTestData.littleEndian(source.samples)) == sha256, "the source itself")
        guard let codestream = try HTJ2KTestData.referenceEncode(source, options: options) else { return }
        let decoded = try HTJ2KCodec.decode(codestream, limits: Self.limits)
        #expect(decoded.width == source.width && decoded.height == source.height)
        #expect(decoded.components == source.components && decoded.precision == source.precision)
        #expect(!decoded.isSigned && decoded.colorTransformUndone == colorTransform)
        #expect(SHA256.hex(HTJ2KTestData.littleEndian(decoded.samples)) == sha256)
    }

    @Test("an irreversible (lossy) codestream of ojph_compress decodes close to OpenJPEG's decoding")
    func referenceLossy() throws {
        let (source, _) = try Self.nativeSource("ct_philips_12bit_two_windows.dcm")
        guard let codestream = try HTJ2KTestData.referenceEncode(source, options: ["-qstep", "0.002"]) else { return }
        let decoded = try HTJ2KCodec.decode(codestream, limits: Self.limits)
        #expect(decoded.precision == 12 && !decoded.colorTransformUndone)
        guard case .uint16(let ours) = decoded.samples, case .uint16(let original) = source.samples else {
            Issue.record("12-bit samples must come out as .uint16")
            return
        }
        let error = zip(ours, original).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(error > 0 && error <= 40, "largest difference from the original: \(error)")
        #expect(ours.allSatisfy { $0 <= 4095 }, "clamped to 12 bits")
        // OpenJPEG rounds the 9/7 wavelet differently: the two decoders differ by at most 1.
        guard let reference = try HTJ2KTestData.openJPEGDecode(codestream) else { return }
        let theirs = stride(from: 0, to: reference.bytes.count - 1, by: 2).map {
            Int(reference.bytes[$0]) | Int(reference.bytes[$0 + 1]) << 8
        }
        #expect(theirs.count == ours.count)
        #expect(zip(ours, theirs).allSatisfy { abs(Int($0) - $1) <= 1 })
    }

    @Test("an irreversible RGB codestream with the ICT decodes to RGB close to the original")
    func referenceLossyColour() throws {
        let (source, _) = try Self.nativeSource("us_rgb_evrle.dcm")
        guard let codestream = try HTJ2KTestData.referenceEncode(source, options: ["-qstep", "0.004"]) else { return }
        let decoded = try HTJ2KCodec.decode(codestream, limits: Self.limits)
        #expect(decoded.components == 3 && decoded.precision == 8 && decoded.colorTransformUndone)
        guard case .uint8(let ours) = decoded.samples, case .uint8(let original) = source.samples else {
            Issue.record("8-bit samples must come out as .uint8")
            return
        }
        let error = zip(ours, original).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(error <= 24, "largest difference from the original: \(error)")
        guard let reference = try HTJ2KTestData.openJPEGDecode(codestream) else { return }
        #expect(zip(ours, reference.bytes).allSatisfy { abs(Int($0) - Int($1)) <= 1 })
    }

    @Test(
        "codestreams HTJ2KCodec.encode writes decode bit-exact in OpenJPEG",
        arguments: [false, true])
    func openJPEGDecodesOurs(rpcl: Bool) throws {
        for name in ["ct_philips_12bit_two_windows.dcm", "us_rgb_evrle.dcm"] {
            let (source, sha256) = try Self.nativeSource(name)
            let codestream = try HTJ2KCodec.encode(source, progressionRPCL: rpcl)
            guard let decoded = try HTJ2KTestData.openJPEGDecode(codestream) else { return }
            #expect(SHA256.hex(decoded.bytes) == sha256, "\(name) as \(decoded.dtype)")
        }
        let signed = HTJ2KTestData.random(width: 61, height: 43, precision: 16, isSigned: true, seed: 31)
        let codestream = try HTJ2KCodec.encode(signed, progressionRPCL: rpcl)
        guard let decoded = try HTJ2KTestData.openJPEGDecode(codestream) else { return }
        #expect(decoded.dtype == "int16")
        #expect(decoded.bytes == HTJ2KTestData.littleEndian(signed.samples))
    }
}
