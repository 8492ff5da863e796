/// JPEG marker codes (T.81 Table B.1), as the byte after 0xFF.
enum JPEGMarker {
    static let startOfImage: UInt8 = 0xD8
    static let endOfImage: UInt8 = 0xD9
    static let startOfScan: UInt8 = 0xDA
    static let defineHuffmanTables: UInt8 = 0xC4
    static let defineArithmeticConditioning: UInt8 = 0xCC
    static let defineRestartInterval: UInt8 = 0xDD
    static let defineNumberOfLines: UInt8 = 0xDC
    static let losslessHuffmanFrame: UInt8 = 0xC3
    static let baselineFrame: UInt8 = 0xC0
    static let extendedHuffmanFrame: UInt8 = 0xC1
    static let defineQuantizationTables: UInt8 = 0xDB
    static let defineHierarchicalProgression: UInt8 = 0xDE
    static let firstRestart: UInt8 = 0xD0
    static let lastRestart: UInt8 = 0xD7
    static let temporary: UInt8 = 0x01

    /// SOF0...SOF15 except DHT (C4), JPG (C8) and DAC (CC) (T.81 B.1.1.3).
    static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
    }

    /// RST0...RST7 (T.81 B.2.1).
    static func isRestart(_ marker: UInt8) -> Bool {
        (firstRestart...lastRestart).contains(marker)
    }

    /// Finds the next marker at or after `start`: a 0xFF byte followed by a byte other than 0x00
    /// (a stuffed 0xFF, T.81 F.1.2.3) or 0xFF (a fill byte, T.81 B.1.1.2). Returns the marker
    /// code and the offset of its final 0xFF byte, or nil when the data ends first.
    static func find(in bytes: [UInt8], from start: Int) -> (code: UInt8, offset: Int)? {
        var index = max(0, start)
        while index + 1 < bytes.count {
            if bytes[index] == 0xFF {
                let code = bytes[index + 1]
                if code != 0x00 && code != 0xFF { return (code, index) }
            }
            index += 1
        }
        return nil
    }
}

/// Bounds-checked big-endian reads from the parameters of one marker segment (T.81 B.1.1.4).
///
/// The segment's length field counts itself and the parameters; the reader refuses to read past
/// the segment's end or the end of the codestream.
struct JPEGSegmentReader {
    private let bytes: [UInt8]
    /// The marker code, for error messages.
    let marker: UInt8
    /// Offset of the marker's 0xFF byte.
    let markerOffset: Int
    /// Offset of the next parameter byte.
    private(set) var position: Int
    /// Offset just past the segment.
    let end: Int

    /// Reads the length field that follows the marker at `markerOffset`.
    init(bytes: [UInt8], marker: UInt8, markerOffset: Int) throws(JPEGDecodingError) {
        let lengthOffset = markerOffset + 2
        guard lengthOffset + 2 <= bytes.count else { throw .truncated(offset: bytes.count) }
        let length = Int(bytes[lengthOffset]) << 8 | Int(bytes[lengthOffset + 1])
        guard length >= 2 else {
            throw .invalidMarkerSegment(marker: marker, offset: markerOffset, reason: "length \(length) is below 2")
        }
        guard lengthOffset + length <= bytes.count else { throw .truncated(offset: bytes.count) }
        self.bytes = bytes
        self.marker = marker
        self.markerOffset = markerOffset
        self.position = lengthOffset + 2
        self.end = lengthOffset + length
    }

    /// Number of parameter bytes not yet read.
    var remaining: Int { end - position }

    mutating func readByte() throws(JPEGDecodingError) -> Int {
        guard position < end else { throw invalid("segment ends before all its fields") }
        defer { position += 1 }
        return Int(bytes[position])
    }

    mutating func readUInt16() throws(JPEGDecodingError) -> Int {
        let high = try readByte()
        return high << 8 | (try readByte())
    }

    mutating func readBytes(_ count: Int) throws(JPEGDecodingError) -> [UInt8] {
        guard count >= 0, count <= remaining else { throw invalid("segment ends before all its fields") }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    /// An ``JPEGDecodingError/unexpectedMarker(marker:offset:)`` for this segment's marker.
    var unexpectedMarker: JPEGDecodingError { .unexpectedMarker(marker: marker, offset: markerOffset) }

    /// An ``JPEGDecodingError/invalidMarkerSegment(marker:offset:reason:)`` for this segment.
    func invalid(_ reason: String) -> JPEGDecodingError {
        .invalidMarkerSegment(marker: marker, offset: markerOffset, reason: reason)
    }
}
