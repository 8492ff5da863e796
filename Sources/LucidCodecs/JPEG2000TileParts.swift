extension JPEG2000Header {
    /// Checks that the codestream holds a tile-part for every tile the SIZ marker declares.
    ///
    /// Walks the tile-parts by their SOT markers (ISO/IEC 15444-1 A.4.2: `Isot` the tile index,
    /// `Psot` the tile-part length, 0 for a last tile-part running to EOC) from the first one,
    /// stopping at EOC, at anything that is not SOT, or at the end of the data (OpenJPEG judges
    /// those). OpenJPEG leaves a tile without any tile-part at zero and reports success, so this
    /// walk is what turns such a codestream into an error instead of a partly blank image.
    /// - Throws: `.codestream` when a tile index is out of range or a tile has no tile-part.
    func checkEveryTilePresent(in bytes: [UInt8]) throws(CodecError) {
        func uint(_ offset: Int, _ count: Int) -> Int {
            (offset..<offset + count).reduce(0) { $0 << 8 | Int(bytes[$1]) }
        }
        var present = [Bool](repeating: false, count: tileCount)
        var found = 0
        var position = firstTilePart
        let end = codestreamRange.upperBound
        while position + 12 <= end && uint(position, 2) == 0xFF90 {
            let index = uint(position + 4, 2), length = uint(position + 6, 4)
            guard index < tileCount else {
                throw .codestream(
                    format: .jpeg2000, operation: "decode",
                    message: "a tile-part names tile \(index) of a codestream with \(tileCount) tiles")
            }
            if !present[index] {
                present[index] = true
                found += 1
            }
            guard length >= 12, length <= end - position else { break }
            position += length
        }
        guard found == tileCount else {
            throw .codestream(
                format: .jpeg2000, operation: "decode",
                message: "the codestream holds tile-parts for \(found) of its \(tileCount) tiles")
        }
    }
}
