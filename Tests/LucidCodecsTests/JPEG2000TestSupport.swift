import Foundation
import LucidCodecs
import LucidDICOM
import LucidTestSupport

/// Frames, manifest facts and pydicom's stored-value convention for the JPEG 2000 tests.
enum JPEG2000TestSupport {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Frame 0's codestream: the one fragment of frame 0 when every frame has its own fragment,
    /// else every fragment after the Basic Offset Table, concatenated.
    static func firstFrame(path: String, frames: Int = 1) throws -> [UInt8] {
        let file = try DICOMFile.read(path: path)
        guard let fragments = file.dataSet[.pixelData]?.fragments, fragments.count > 1 else {
            throw Failure(description: "\(path) has no encapsulated Pixel Data")
        }
        let data = fragments.dropFirst()
        if frames > 1 && data.count == frames, let first = data.first { return Array(file.dataSet.bytes(of: first)) }
        return data.flatMap { file.dataSet.bytes(of: $0) }
    }

    /// Native (uncompressed) Pixel Data of a little-endian file, as stored.
    static func nativePixelData(path: String) throws -> [UInt8] {
        let file = try DICOMFile.read(path: path)
        guard let value = file.dataSet.rawValue(.pixelData) else {
            throw Failure(description: "\(path) has no native Pixel Data")
        }
        return Array(value)
    }

    /// The samples as pydicom's `pixel_array(raw=True)` gives them (manifest `stored_frame0`):
    /// each value, signed when the codestream says so, masked to Bits Stored, then sign-extended
    /// from Bits Stored when Pixel Representation is 1; little-endian in `byteWidth` bytes.
    static func pydicomStoredBytes(
        _ decoded: DecodedCodestream, bitsStored: Int, pixelRepresentation: Int, byteWidth: Int
    ) -> [UInt8] {
        let values: [Int]
        switch decoded.samples {
        case .uint8(let samples): values = samples.map { decoded.isSigned ? Int(Int8(bitPattern: $0)) : Int($0) }
        case .uint16(let samples): values = samples.map { decoded.isSigned ? Int(Int16(bitPattern: $0)) : Int($0) }
        case .uint32(let samples): values = samples.map { decoded.isSigned ? Int(Int32(bitPattern: $0)) : Int($0) }
        }
        let mask = (1 << bitsStored) - 1, signBit = 1 << (bitsStored - 1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * byteWidth)
        for value in values {
            var stored = value & mask
            if pixelRepresentation == 1 && stored & signBit != 0 { stored -= 1 << bitsStored }
            for index in 0..<byteWidth { bytes.append(UInt8(truncatingIfNeeded: stored >> (8 * index))) }
        }
        return bytes
    }

    /// Little-endian 16-bit samples as `UInt16` values.
    static func uint16Samples(_ bytes: [UInt8]) -> [UInt16] {
        stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
    }

    /// A fresh scratch folder under the temporary directory.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lucid-j2k-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
