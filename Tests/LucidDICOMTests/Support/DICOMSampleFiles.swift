import Foundation
import LucidTestSupport

/// The JPEG Lossless tests' view of the shared sample corpus (`SampleCorpus`): manifest facts and
/// the codestream inside a file.
enum DICOMSampleFiles {
    /// The facts of one manifest entry the JPEG Lossless tests compare with.
    struct Entry {
        let rows: Int
        let columns: Int
        let bitsStored: Int
        let pixelRepresentation: Int
        /// `stored_frame0.sha256_le`.
        let storedSHA256: String
        /// `stored_frame0.probe_pixels` as (row, column, value).
        let probePixels: [(row: Int, column: Int, value: Int)]
    }

    static func entry(_ name: String) throws -> Entry {
        let file = try SampleCorpus.entry(name)
        guard let rows = file["rows"] as? Int, let columns = file["columns"] as? Int,
            let bitsStored = file["bits_stored"] as? Int,
            let pixelRepresentation = file["pixel_representation"] as? Int,
            let stored = file["stored_frame0"] as? [String: Any],
            let sha256 = stored["sha256_le"] as? String,
            let probes = stored["probe_pixels"] as? [[Int]]
        else { throw SampleError.missing(name) }
        return Entry(
            rows: rows, columns: columns, bitsStored: bitsStored, pixelRepresentation: pixelRepresentation,
            storedSHA256: sha256, probePixels: probes.map { ($0[0], $0[1], $0[2]) })
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: SampleCorpus.path(name))))
    }

    enum SampleError: Error { case missing(String), malformed(String) }

    /// The JPEG codestream of frame 0 of a single-frame encapsulated Explicit VR Little Endian file.
    ///
    /// Finds the LAST occurrence of the top-level Pixel Data header — tag (7FE0,0010), VR "OB"
    /// (or "OW", which some writers use), two reserved bytes, undefined length FFFFFFFF — so that Pixel Data nested in an earlier
    /// sequence (an Icon Image Sequence) is skipped. Then walks the items (FFFE,E000): the first is
    /// the Basic Offset Table, the following ones are fragments, concatenated until the Sequence
    /// Delimitation Item (FFFE,E0DD).
    static func jpegCodestream(_ file: [UInt8]) throws -> [UInt8] {
        let header: [UInt8] = [0xE0, 0x7F, 0x10, 0x00, 0x4F, 0x42, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF]
        var candidate = file.count - header.count
        // Index 5 is the second letter of the VR: "B" or "W".
        while candidate >= 0,
            !header.indices.allSatisfy({
                file[candidate + $0] == header[$0] || ($0 == 5 && file[candidate + $0] == 0x57)
            })
        {
            candidate -= 1
        }
        guard candidate >= 0 else { throw SampleError.malformed("no encapsulated Pixel Data") }
        let start = candidate
        var position = start + header.count
        var fragments: [[UInt8]] = []
        while position + 8 <= file.count {
            let group = UInt16(file[position]) | UInt16(file[position + 1]) << 8
            let element = UInt16(file[position + 2]) | UInt16(file[position + 3]) << 8
            let length = (0..<4).reduce(0) { $0 | Int(file[position + 4 + $1]) << (8 * $1) }
            position += 8
            if group == 0xFFFE, element == 0xE0DD { break }
            guard group == 0xFFFE, element == 0xE000, position + length <= file.count else {
                throw SampleError.malformed("bad item at \(position - 8)")
            }
            fragments.append(Array(file[position..<(position + length)]))
            position += length
        }
        guard fragments.count >= 2 else { throw SampleError.malformed("no fragment after the offset table") }
        return fragments.dropFirst().flatMap { $0 }
    }

    /// Stored values as the manifest defines them: masked to Bits Stored and sign-extended when
    /// Pixel Representation is 1.
    static func storedValues(_ samples: [UInt16], bitsStored: Int, signed: Bool) -> [Int] {
        let mask = (1 << bitsStored) - 1
        return samples.map { sample in
            let value = Int(sample) & mask
            return signed && value >> (bitsStored - 1) == 1 ? value - (1 << bitsStored) : value
        }
    }

    /// Little-endian 16-bit bytes of stored values (two's complement for negative values).
    static func littleEndianBytes(_ values: [Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 2)
        for value in values {
            let word = UInt16(truncatingIfNeeded: value)
            bytes.append(UInt8(word & 0xFF))
            bytes.append(UInt8(word >> 8))
        }
        return bytes
    }
}
