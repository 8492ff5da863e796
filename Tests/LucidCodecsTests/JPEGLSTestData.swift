import Foundation
import LucidCodecs
import LucidDICOM
import LucidTestSupport

/// Codestreams and expected values for the JPEG-LS tests.
enum JPEGLSTestData {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Frame `index`'s codestream: the fragments after the Basic Offset Table, grouped into frames
    /// at each fragment that starts with an SOI marker (FF D8), concatenated.
    static func codestream(of file: DICOMFile, frame index: Int = 0) throws -> [UInt8] {
        guard let fragments = file.dataSet[.pixelData]?.fragments, fragments.count > 1 else {
            throw Failure(description: "\(file.source) has no encapsulated fragments")
        }
        var frames: [[UInt8]] = []
        for fragment in fragments.dropFirst() {
            let bytes = file.dataSet.bytes(of: fragment)
            if frames.isEmpty || bytes.starts(with: [0xFF, 0xD8]) {
                frames.append(Array(bytes))
            } else {
                frames[frames.count - 1] += bytes
            }
        }
        guard index < frames.count else { throw Failure(description: "\(file.source) has no frame \(index)") }
        return frames[index]
    }

    /// The limits a DICOM reader would derive from the header: one frame of Rows x Columns x
    /// Samples per Pixel.
    static func limits(of file: DICOMFile) -> CodestreamLimits {
        let rows = file.dataSet.integer(.rows) ?? 0
        let columns = file.dataSet.integer(.columns) ?? 0
        let samples = file.dataSet.integer(.samplesPerPixel) ?? 1
        return CodestreamLimits(maximumSampleCount: rows * columns * samples)
    }

    /// The samples as unsigned integers, whatever the container.
    static func values(_ samples: SampleBuffer) -> [UInt32] {
        switch samples {
        case .uint8(let values): values.map(UInt32.init)
        case .uint16(let values): values.map(UInt32.init)
        case .uint32(let values): values
        }
    }

    /// The manifest's stored-value bytes of decoded samples: masked to Bits Stored, sign-extended
    /// when Pixel Representation is 1, little-endian in `dtype` ("uint8", "int16", ...).
    static func storedBytes(
        _ samples: SampleBuffer, bitsStored: Int, isSigned: Bool, dtype: String
    ) throws -> [UInt8] {
        let width: Int
        switch dtype {
        case "uint8", "int8": width = 1
        case "uint16", "int16": width = 2
        case "uint32", "int32": width = 4
        default: throw Failure(description: "unexpected dtype \(dtype)")
        }
        let mask = (1 << bitsStored) - 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(samples.count * width)
        for raw in values(samples) {
            var value = Int(raw) & mask
            if isSigned && value >> (bitsStored - 1) != 0 { value -= 1 << bitsStored }
            for shift in stride(from: 0, to: width * 8, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: value >> shift))
            }
        }
        return bytes
    }

    /// The manifest entry of a file of either corpus.
    static func manifestEntry(_ name: String, codecs: Bool) throws -> [String: Any] {
        if !codecs { return try SampleCorpus.entry(name) }
        guard let entry = try SampleCorpus.codecEntries().first(where: { $0["file"] as? String == name }) else {
            throw Failure(description: "the codec manifest has no entry for \(name)")
        }
        return entry
    }

    /// The raw bytes of a native (uncompressed) file's Pixel Data value.
    static func nativePixelBytes(path: String) throws -> [UInt8] {
        let file = try DICOMFile.read(path: path)
        guard let bytes = file.dataSet.rawValue(.pixelData) else {
            throw Failure(description: "\(path) has no native Pixel Data")
        }
        return Array(bytes)
    }

    /// Little-endian 16-bit words.
    static func littleEndianWords(_ bytes: [UInt8]) -> [UInt16] {
        stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
    }
}
