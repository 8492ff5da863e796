import LucidCodecs

/// The chunk sequence of a PNG file held in memory (PNG specification, 5.3): every chunk from the
/// signature up to `IEND` is checked to lie within the bytes present before libpng sees the file.
///
/// libpng allocates an ancillary chunk's declared length (up to 2^31 - 1 bytes) before reading
/// its data, so a 200-byte file declaring a 900 MB text chunk would make it allocate 900 MB only
/// to find the file truncated. Checking the lengths first turns that into an immediate error.
enum PNGChunkLayout {
    /// The 8-byte PNG signature (PNG specification, 5.2).
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Bytes around each chunk's data: length (4), type (4) and CRC (4).
    static let chunkOverhead = 12

    /// Throws `.png(operation: "read header", ...)` naming the first chunk whose declared length
    /// runs past the end of `bytes`, or the end of the file when it stops inside a chunk header.
    /// Files without the PNG signature are left to libpng, which reports them.
    static func checkLengths(_ bytes: [UInt8]) throws(CodecError) {
        guard bytes.starts(with: signature) else { return }
        var offset = signature.count
        while offset < bytes.count {
            let remaining = bytes.count - offset
            guard remaining >= chunkOverhead else {
                throw truncated("the file ends inside a chunk header at byte \(offset)")
            }
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            guard length <= remaining - chunkOverhead else {
                throw truncated(
                    "chunk '\(type)' at byte \(offset) declares \(length) bytes of data, "
                        + "but only \(remaining - chunkOverhead) remain (file truncated or corrupt)")
            }
            if type == "IEND" { return }
            offset += chunkOverhead + length
        }
    }

    private static func truncated(_ message: String) -> CodecError {
        .png(operation: "read header", message: message)
    }
}
