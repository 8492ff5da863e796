/// The table-defining segments every process reads alike (T.81 B.2.4).
enum JPEGTableSegment {
    /// Parses a DHT segment (T.81 B.2.4.2) table by table: each table's class Tc (0 or 1),
    /// destination Th (0...3) and number of values are checked, then `store` gets the class, the
    /// destination, the 16 code counts and the values, before the next table is read.
    static func readHuffmanTables(
        _ segment: inout JPEGSegmentReader,
        store: (_ tableClass: Int, _ tableID: Int, _ counts: [Int], _ values: [UInt8]) throws(JPEGDecodingError)
            -> Void
    ) throws(JPEGDecodingError) {
        while segment.remaining > 0 {
            let classAndID = try segment.readByte()
            let tableClass = classAndID >> 4, tableID = classAndID & 0x0F
            guard tableClass <= 1, tableID <= 3 else {
                throw .invalidHuffmanTable(
                    "class \(tableClass), destination \(tableID) at byte offset \(segment.markerOffset)")
            }
            guard segment.remaining >= 16 else { throw .truncated(offset: segment.end) }
            let counts = try segment.readBytes(16).map(Int.init)
            let total = counts.reduce(0, +)
            guard total <= segment.remaining else {
                throw .invalidHuffmanTable(
                    "table \(tableID) at byte offset \(segment.markerOffset) declares \(total) values "
                        + "but the segment holds \(segment.remaining)")
            }
            try store(tableClass, tableID, counts, try segment.readBytes(total))
        }
    }

    /// Parses a DRI segment (T.81 B.2.4.4): the restart interval Ri in MCUs, 0 for none.
    static func readRestartInterval(_ segment: inout JPEGSegmentReader) throws(JPEGDecodingError) -> Int {
        guard segment.remaining == 2 else { throw segment.invalid("length must be 4") }
        return try segment.readUInt16()
    }
}
