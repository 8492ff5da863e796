import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// Transcoded files read by other toolkits: pydicom (with pyjpegls) gives the same stored values,
/// DCMTK's `dcmdjpls` decompresses the JPEG-LS files and `dcmdump` parses them without errors,
/// GDCM's `gdcmconv --raw` accepts both.
@Suite struct TranscodeExternalReaderTests {
    /// Signed CT 16-bit, 12-bit unsigned CR/CT, RGB 8-bit (from JPEG 2000 RCT), multi-frame
    /// grayscale and multi-frame YBR from lossy JPEG.
    static let sources = [
        SampleCorpus.path("ct_nema_ct1_jpegls_lossless_fragmented.dcm"),
        SampleCorpus.path("ct_philips_12bit_two_windows.dcm"),
        SampleCorpus.codecsPath("JPEGLossless__JPEGLossless_1s_1f_u_16_12.dcm"),
        SampleCorpus.codecsPath("JPEG2000Lossless__US1_J2KR.dcm"),
        SampleCorpus.path("ct_enhanced_2frame_rle.dcm"),
        SampleCorpus.path("us_ybr_jpeg_baseline_8frame.dcm"),
    ]

    /// Each source's frames and its two transcoded files, written to a fresh folder.
    static func transcoded() throws -> [(frames: [StoredFrame], outputs: [String])] {
        let folder = try LucidBinary.temporaryFolder()
        return try sources.enumerated().map { index, path in
            let image = try DICOMImage(path: path)
            let frames = try #require(TranscodeCheck.frames(image))
            let outputs = try [TargetSyntax.explicitVRLittleEndian, .jpegLSLossless, .htj2kLossless].map { target in
                let output = "\(folder)/\(index).\(target.name).dcm"
                let bytes = try Transcoder.transcode(image, to: target, implementationVersion: "0.1.0")
                try Data(bytes).write(to: URL(fileURLWithPath: output))
                return output
            }
            return (frames, outputs)
        }
    }

    static func frameDigests(_ frames: [StoredFrame], dtype: String) -> [String] {
        frames.map { SHA256.hex(StoredFrameBytes.littleEndian($0, dtype: dtype)) }
    }

    @Test("pydicom decodes the Explicit VR Little Endian, JPEG-LS and HTJ2K outputs to the source's stored values")
    func pydicom() throws {
        guard let python = try ExternalTool.pythonWithPydicom() else { return }
        let cases = try Self.transcoded()
        let script = """
            import sys, hashlib, numpy
            from pydicom import dcmread
            from pydicom.pixels import pixel_array
            for path in sys.argv[1:]:
                frames = dcmread(path, stop_before_pixels=True).get("NumberOfFrames", 1)
                array = pixel_array(path, raw=True)
                if int(frames) == 1: array = array[numpy.newaxis]
                little = array.astype(array.dtype.newbyteorder("<"))
                print(path, array.dtype.name, *[hashlib.sha256(f.tobytes()).hexdigest() for f in little])
            """
        let result = try ExternalTool.run(python, ["-c", script] + cases.flatMap(\.outputs))
        #expect(result.status == 0, "\(result.standardError)")
        var lines: [String: [String]] = [:]
        for line in result.standardOutput.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            if let path = words.first { lines[path] = Array(words.dropFirst()) }
        }
        for (frames, outputs) in cases {
            for output in outputs {
                let words = try #require(lines[output], "pydicom printed nothing for \(output)")
                let dtype = try #require(words.first)
                #expect(Array(words.dropFirst()) == Self.frameDigests(frames, dtype: dtype), "\(output)")
            }
        }
    }

    @Test("DCMTK: dcmdump parses every output without errors; dcmdjpls decompresses JPEG-LS to the same values")
    func dcmtk() throws {
        let dump = ExternalTool.find("dcmdump"), decompress = ExternalTool.find("dcmdjpls")
        guard
            ExternalTool.require(
                dump != nil && decompress != nil, tool: "DCMTK (dcmdump, dcmdjpls)",
                install: "Install it: apt-get install dcmtk."),
            let dump, let decompress
        else { return }
        for (frames, outputs) in try Self.transcoded() {
            for output in outputs {
                let result = try ExternalTool.run(dump, [output])
                #expect(
                    result.status == 0 && !result.standardError.contains("E: "), "\(output): \(result.standardError)")
            }
            let decompressed = outputs[1] + ".dcmtk.dcm"
            let result = try ExternalTool.run(decompress, [outputs[1], decompressed])
            #expect(result.status == 0, "\(outputs[1]): \(result.standardError)")
            try TranscodeCheck.expectSameStoredValues(try DICOMImage(path: decompressed), frames, decompressed)
        }
    }

    @Test("GDCM: gdcmconv --raw accepts the Explicit VR Little Endian and JPEG-LS outputs (GDCM 3.0 has no HTJ2K)")
    func gdcm() throws {
        guard let convert = ExternalTool.find("gdcmconv") else {
            _ = ExternalTool.require(false, tool: "gdcmconv", install: "Install it: apt-get install libgdcm-tools.")
            return
        }
        for (frames, outputs) in try Self.transcoded() {
            for output in outputs.prefix(2) {
                let raw = output + ".gdcm.dcm"
                let result = try ExternalTool.run(convert, ["--raw", output, raw])
                #expect(result.status == 0, "\(output): \(result.standardError)")
                try TranscodeCheck.expectSameStoredValues(try DICOMImage(path: raw), frames, raw)
            }
        }
    }
}
