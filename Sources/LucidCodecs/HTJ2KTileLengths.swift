/// Adds a TLM marker segment (tile-part lengths, ISO/IEC 15444-1 A.7.1) to a codestream that has
/// none, as DICOM HTJ2K Lossless RPCL (1.2.840.10008.1.2.4.202, Supplement 235) asks for: OpenJPH
/// 0.9.0 writes RPCL codestreams without one.
enum HTJ2KTileLengths {
    private static let startOfTile: UInt16 = 0xFF90
    private static let endOfCodestream: UInt16 = 0xFFD9
    private static let tileLengthMarker: UInt16 = 0xFF55

    /// The codestream with a TLM segment (Stlm: 16-bit Ttlm, 32-bit Ptlm) inserted just before
    /// its first SOT marker, listing every tile-part's index and length in bytes.
    static func insertingMarker(into codestream: [UInt8]) throws(CodecError) -> [UInt8] {
        let firstTilePart = try mainHeaderEnd(codestream)
        var entries: [(tile: UInt16, length: UInt32)] = []
        var position = firstTilePart
        while word(codestream, at: position) == startOfTile {
            guard position + 12 <= codestream.count,
                let tile = word(codestream, at: position + 4),
                let declared = doubleWord(codestream, at: position + 6)
            else { throw malformed("a tile-part header is cut short") }
            // Psot 0: the last tile-part, running up to the EOC marker.
            let length = declared == 0 ? codestream.count - 2 - position : Int(declared)
            guard length >= 14, position + length <= codestream.count, let stored = UInt32(exactly: length) else {
                throw malformed("a tile-part length runs past the codestream")
            }
            entries.append((tile, stored))
            position += length
        }
        guard word(codestream, at: position) == endOfCodestream, !entries.isEmpty else {
            throw malformed("no EOC marker after the last tile-part")
        }
        let segmentLength = 4 + 6 * entries.count
        guard segmentLength <= 0xFFFF else { throw malformed("too many tile-parts for one TLM segment") }
        var segment: [UInt8] = [0xFF, 0x55, UInt8(segmentLength >> 8), UInt8(segmentLength & 0xFF), 0, 0x60]
        for entry in entries {
            segment += [UInt8(entry.tile >> 8), UInt8(entry.tile & 0xFF)]
            segment += (0..<4).map { UInt8(truncatingIfNeeded: entry.length >> (24 - 8 * $0)) }
        }
        return Array(codestream[..<firstTilePart]) + segment + codestream[firstTilePart...]
    }

    /// Offset of the first SOT marker: SOC, then marker segments each with a 16-bit length.
    private static func mainHeaderEnd(_ codestream: [UInt8]) throws(CodecError) -> Int {
        guard word(codestream, at: 0) == 0xFF4F else { throw malformed("no SOC marker") }
        var position = 2
        while let marker = word(codestream, at: position), marker != startOfTile {
            guard marker != tileLengthMarker else { return try alreadyMarked() }
            guard marker >= 0xFF00, let length = word(codestream, at: position + 2), length >= 2 else {
                throw malformed("a main-header marker segment is malformed")
            }
            position += 2 + Int(length)
        }
        guard position < codestream.count else { throw malformed("no SOT marker") }
        return position
    }

    private static func alreadyMarked() throws(CodecError) -> Int {
        throw malformed("the codestream already has a TLM marker segment")
    }

    private static func word(_ bytes: [UInt8], at offset: Int) -> UInt16? {
        guard offset >= 0, offset + 2 <= bytes.count else { return nil }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    private static func doubleWord(_ bytes: [UInt8], at offset: Int) -> UInt32? {
        guard let high = word(bytes, at: offset), let low = word(bytes, at: offset + 2) else { return nil }
        return UInt32(high) << 16 | UInt32(low)
    }

    private static func malformed(_ reason: String) -> CodecError {
        .codestream(format: .htj2k, operation: "add tile-part lengths", message: reason)
    }
}
