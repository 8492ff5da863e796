extension JPEG2000Header {
    /// Checks that the codestream holds a tile-part for every tile the SIZ marker declares, and
    /// returns the code-block coders that the COD and COC marker segments of the tile-part headers
    /// select.
    ///
    /// Walks the tile-parts by their SOT markers (ISO/IEC 15444-1 A.4.2: `Isot` the tile index,
    /// `Psot` the tile-part length, 0 for a last tile-part running to EOC) from the first one,
    /// stopping at EOC, at anything that is not SOT, or at the end of the data (OpenJPEG judges
    /// those). OpenJPEG leaves a tile without any tile-part at zero and reports success, so this
    /// walk is what turns such a codestream into an error instead of a partly blank image.
    /// - Throws: `.codestream` when a tile index is out of range or a tile has no tile-part.
    func checkTileParts(in bytes: [UInt8]) throws(CodecError) -> CodeBlockCoders {
        func uint(_ offset: Int, _ count: Int) -> Int {
            (offset..<offset + count).reduce(0) { $0 << 8 | Int(bytes[$1]) }
        }
        var present = [Bool](repeating: false, count: tileCount)
        var found = 0
        var coders: CodeBlockCoders = []
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
            let isWhole = length >= 12 && length <= end - position
            coders.formUnion(tilePartHeaderCoders(bytes, from: position + 12, to: isWhole ? position + length : end))
            guard isWhole else { break }
            position += length
        }
        guard found == tileCount else {
            throw .codestream(
                format: .jpeg2000, operation: "decode",
                message: "the codestream holds tile-parts for \(found) of its \(tileCount) tiles")
        }
        return coders
    }

    /// The coders selected by the COD and COC marker segments (A.6.1, A.6.2) of the tile-part
    /// header in `bytes[start..<end]`, which ends at its SOD marker; the walk stops early at
    /// anything that is not a whole marker segment (OpenJPEG judges those).
    private func tilePartHeaderCoders(_ bytes: [UInt8], from start: Int, to end: Int) -> CodeBlockCoders {
        var coders: CodeBlockCoders = []
        var position = start
        while position + 4 <= end {
            let marker = Int(bytes[position]) << 8 | Int(bytes[position + 1])
            let length = Int(bytes[position + 2]) << 8 | Int(bytes[position + 3])
            guard marker >= 0xFF30, marker != 0xFF93, length >= 2, length <= end - position - 2 else { break }
            // The style byte's offset from the segment's length field: COD Lcod Scod SGcod(4)
            // levels xcb ycb style; COC Lcoc Ccoc(1 or 2) Scoc levels xcb ycb style.
            let styleOffset = marker == 0xFF52 ? 10 : marker == 0xFF53 ? (components > 256 ? 8 : 7) : nil
            if let styleOffset, length > styleOffset {
                coders.insert(CodeBlockCoders(style: Int(bytes[position + 2 + styleOffset])))
            }
            position += 2 + length
        }
        return coders
    }
}
