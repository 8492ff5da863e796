import Foundation
import LucidTestSupport
import Testing

@testable import LucidDICOM

/// Frames of encapsulated sample files, comparisons of sample arrays, and hand-built DCT streams
/// for the JPEG Extended tests.
enum JPEGExtendedTestSupport {
    /// The codestream of every frame of an encapsulated file: fragments after the Basic Offset
    /// Table, a new frame starting at each fragment that begins with SOI (FFD8).
    static func frames(path: String) throws -> [[UInt8]] {
        let file = try DICOMFile.read(path: path)
        guard let fragments = file.dataSet[.pixelData]?.fragments, fragments.count > 1 else {
            throw DICOMSampleFiles.SampleError.malformed("no fragments in \(path)")
        }
        var frames: [[UInt8]] = []
        for fragment in fragments.dropFirst() {
            let bytes = file.dataSet.bytes(of: fragment)
            if frames.isEmpty || bytes.starts(with: [0xFF, 0xD8]) {
                frames.append(Array(bytes))
            } else {
                frames[frames.count - 1].append(contentsOf: bytes)
            }
        }
        return frames
    }

    /// The uncompressed 16-bit little-endian Pixel Data of a native file.
    static func nativeSamples16(path: String) throws -> [UInt16] {
        let file = try DICOMFile.read(path: path)
        guard let raw = file.dataSet.rawValue(.pixelData) else {
            throw DICOMSampleFiles.SampleError.malformed("no native Pixel Data in \(path)")
        }
        let bytes = Array(raw)
        return (0..<(bytes.count / 2)).map { UInt16(bytes[2 * $0]) | UInt16(bytes[2 * $0 + 1]) << 8 }
    }

    /// The largest absolute difference between two equally long sample arrays, and how many differ.
    static func difference(_ first: [UInt16], _ second: [UInt16]) -> (maximum: Int, count: Int) {
        precondition(first.count == second.count)
        var maximum = 0, count = 0
        for index in first.indices where first[index] != second[index] {
            maximum = max(maximum, abs(Int(first[index]) - Int(second[index])))
            count += 1
        }
        return (maximum, count)
    }

    /// Frame 0 (or every frame) as pydicom's default decoder (pylibjpeg-libjpeg for 12-bit JPEG)
    /// gives it, as little-endian 16-bit samples, or nil when python3 with pydicom is missing.
    static func pydicomSamples(path: String) throws -> [UInt16]? {
        guard let python = try ExternalTool.pythonWithPydicom() else { return nil }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("jpeg-extended-\(UUID()).raw").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let script =
            "import sys, pydicom\n" + "a = pydicom.dcmread(sys.argv[1]).pixel_array\n"
            + "a.astype('<u2').tofile(sys.argv[2])\n"
        let result = try ExternalTool.run(python, ["-c", script, path, output])
        guard result.status == 0 else {
            throw DICOMSampleFiles.SampleError.malformed("pydicom failed: \(result.standardError)")
        }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
        return (0..<(bytes.count / 2)).map { UInt16(bytes[2 * $0]) | UInt16(bytes[2 * $0 + 1]) << 8 }
    }
}

/// Writes Huffman-coded bits most significant first with 0xFF byte stuffing (T.81 F.1.2.3).
struct JPEGTestBitWriter {
    private(set) var bytes: [UInt8] = []
    private var accumulator = 0
    private var count = 0

    mutating func write(_ value: Int, bits: Int) {
        for shift in stride(from: bits - 1, through: 0, by: -1) {
            accumulator = accumulator << 1 | (value >> shift) & 1
            count += 1
            if count == 8 { flushByte() }
        }
    }

    /// Pads the last byte with 1-bits (T.81 F.1.2.3).
    mutating func finish() -> [UInt8] {
        while count != 0 { write(1, bits: 1) }
        return bytes
    }

    private mutating func flushByte() {
        bytes.append(UInt8(accumulator))
        if accumulator == 0xFF { bytes.append(0) }
        accumulator = 0
        count = 0
    }
}
