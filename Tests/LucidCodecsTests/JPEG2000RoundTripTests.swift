import Foundation
import LucidCodecs
import LucidDICOM
import LucidTestSupport
import Testing

/// Codestreams written by Debian's encoders (OpenJPEG's opj_compress, GDCM's gdcmconv) from known
/// samples, decoded back bit-exact.
@Suite("JPEG 2000 round trips through real encoders")
struct JPEG2000RoundTripTests {
    /// Runs `tool` (from PATH) with `arguments`; records an issue and returns false when missing or failing.
    static func run(_ tool: String, _ arguments: [String]) throws -> Bool {
        let path = ExternalTool.find(tool)
        let install = "Install it: sudo apt-get install libopenjp2-tools libgdcm-tools."
        guard ExternalTool.require(path != nil, tool: tool, install: install), let path else { return false }
        let result = try ExternalTool.run(path, arguments)
        #expect(result.status == 0, "\(tool) failed: \(result.standardError)")
        return result.status == 0
    }

    static func read(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    @Test("unsigned 12-bit CT written as PGM, compressed by opj_compress, decodes bit-exact")
    func unsigned12Bit() throws {
        let pixels = try JPEG2000TestSupport.nativePixelData(
            path: SampleCorpus.path("ct_philips_12bit_two_windows.dcm"))
        let values = JPEG2000TestSupport.uint16Samples(pixels).map { $0 & 0x0FFF }
        let folder = try JPEG2000TestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pgm = folder.appendingPathComponent("ct.pgm"), j2k = folder.appendingPathComponent("ct.j2k")
        try Data(Array("P5\n512 512\n4095\n".utf8) + values.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).write(
            to: pgm)
        guard try Self.run("opj_compress", ["-i", pgm.path, "-o", j2k.path]) else { return }
        let decoded = try JPEG2000Codec.decode(
            try Self.read(j2k), limits: CodestreamLimits(maximumSampleCount: 512 * 512))
        #expect(decoded.precision == 12 && !decoded.isSigned && decoded.width == 512 && decoded.height == 512)
        #expect(decoded.samples == .uint16(values))
        #expect(
            try JPEG2000Codec.decode(
                try Self.read(j2k), limits: CodestreamLimits(maximumSampleCount: 512 * 512), threads: 2) == decoded)
    }

    @Test("signed 16-bit CT written as little-endian raw, compressed by opj_compress, decodes bit-exact")
    func signed16Bit() throws {
        let pixels = try JPEG2000TestSupport.nativePixelData(path: SampleCorpus.path("ct_nema_ct1_evrle.dcm"))
        let folder = try JPEG2000TestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let raw = folder.appendingPathComponent("ct.rawl"), j2k = folder.appendingPathComponent("ct.j2k")
        try Data(pixels).write(to: raw)
        guard try Self.run("opj_compress", ["-i", raw.path, "-o", j2k.path, "-F", "512,512,1,16,s"]) else { return }
        let decoded = try JPEG2000Codec.decode(
            try Self.read(j2k), limits: CodestreamLimits(maximumSampleCount: 512 * 512))
        #expect(decoded.precision == 16 && decoded.isSigned)
        #expect(decoded.samples == .uint16(JPEG2000TestSupport.uint16Samples(pixels)))
        if case .uint16(let samples) = decoded.samples { #expect(samples.contains { Int16(bitPattern: $0) < -1000 }) }
    }

    @Test("RGB compressed with and without the multiple component transform comes back as RGB")
    func colourTransform() throws {
        let (width, height) = (97, 61)
        let rgb = (0..<(width * height * 3)).map { UInt8(truncatingIfNeeded: ($0 * 7919) >> 3 ^ $0 / 291) }
        let folder = try JPEG2000TestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ppm = folder.appendingPathComponent("rgb.ppm")
        try Data(Array("P6\n\(width) \(height)\n255\n".utf8) + rgb).write(to: ppm)
        for transform in [1, 0] {
            let j2k = folder.appendingPathComponent("rgb\(transform).j2k")
            guard try Self.run("opj_compress", ["-i", ppm.path, "-o", j2k.path, "-mct", "\(transform)"]) else { return }
            let bytes = try Self.read(j2k)
            #expect(try JPEG2000Codec.readHeader(bytes).multipleComponentTransform == transform)
            let decoded = try JPEG2000Codec.decode(bytes, limits: CodestreamLimits(maximumSampleCount: rgb.count))
            #expect(decoded.components == 3 && decoded.colorTransformUndone == (transform == 1))
            #expect(decoded.samples == .uint8(rgb))
        }
    }

    @Test("lossy opj_compress output decodes to exactly what opj_decompress writes")
    func lossyMatchesReferenceDecoder() throws {
        let pixels = try JPEG2000TestSupport.nativePixelData(path: SampleCorpus.path("ct_nema_ct1_evrle.dcm"))
        let folder = try JPEG2000TestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let raw = folder.appendingPathComponent("ct.rawl"), j2k = folder.appendingPathComponent("ct.j2k")
        let back = folder.appendingPathComponent("back.rawl")
        try Data(pixels).write(to: raw)
        guard try Self.run("opj_compress", ["-i", raw.path, "-o", j2k.path, "-F", "512,512,1,16,s", "-I", "-r", "20"]),
            try Self.run("opj_decompress", ["-i", j2k.path, "-o", back.path])
        else { return }
        let decoded = try JPEG2000Codec.decode(
            try Self.read(j2k), limits: CodestreamLimits(maximumSampleCount: 512 * 512))
        #expect(try JPEG2000Codec.readHeader(try Self.read(j2k)).isReversible == false)
        #expect(decoded.samples == .uint16(JPEG2000TestSupport.uint16Samples(try Self.read(back))))
        #expect(decoded.samples != .uint16(JPEG2000TestSupport.uint16Samples(pixels)))
    }

    @Test(
        "gdcmconv --j2k of native CT files decodes to the original stored values",
        arguments: [
            "ct_nema_ct1_evrle.dcm", "ct_philips_12bit_two_windows.dcm",
        ])
    func gdcmconv(_ name: String) throws {
        let folder = try JPEG2000TestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("j2k.dcm")
        guard try Self.run("gdcmconv", ["--j2k", SampleCorpus.path(name), output.path]) else { return }
        let file = try DICOMFile.read(path: output.path)
        #expect(file.transferSyntax.uid == "1.2.840.10008.1.2.4.90")
        let decoded = try JPEG2000Codec.decode(
            try JPEG2000TestSupport.firstFrame(path: output.path),
            limits: CodestreamLimits(maximumSampleCount: 512 * 512))
        let entry = try SampleCorpus.entry(name)
        let stored = try #require(entry["stored_frame0"] as? [String: Any])
        let bytes = JPEG2000TestSupport.pydicomStoredBytes(
            decoded, bitsStored: try #require(entry["bits_stored"] as? Int),
            pixelRepresentation: try #require(entry["pixel_representation"] as? Int), byteWidth: 2)
        #expect(SHA256.hex(bytes) == stored["sha256_le"] as? String)
    }
}
