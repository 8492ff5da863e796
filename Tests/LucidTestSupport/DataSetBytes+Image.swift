/// Synthetic grayscale images: the Image Pixel module (PS3.3 C.7.6.3) in Explicit VR Little
/// Endian, with native Pixel Data or without it (for a deflated file that appends its own).
extension DataSetBytes {
    /// MONOCHROME2, one sample per pixel, unsigned, all bits allocated stored; Number of Frames when
    /// `frames` is given.
    public static func imagePixelModule(rows: Int, columns: Int, frames: Int? = nil, bitsAllocated: Int = 16)
        -> DataSetBytes
    {
        var body = DataSetBytes()
        body.us(0x0028, 0x0002, 1)
        body.text(0x0028, 0x0004, "CS", "MONOCHROME2")
        if let frames { body.text(0x0028, 0x0008, "IS", String(frames)) }
        body.us(0x0028, 0x0010, UInt16(clamping: rows))
        body.us(0x0028, 0x0011, UInt16(clamping: columns))
        body.us(0x0028, 0x0100, UInt16(clamping: bitsAllocated))
        body.us(0x0028, 0x0101, UInt16(clamping: bitsAllocated))
        body.us(0x0028, 0x0102, UInt16(clamping: bitsAllocated - 1))
        body.us(0x0028, 0x0103, 0)
        return body
    }

    /// A Part 10 file in Explicit VR Little Endian: the Image Pixel module and native Pixel Data
    /// holding every frame, each sample `value`.
    public static func nativeImage(rows: Int, columns: Int, frames: Int, bitsAllocated: Int = 8, value: UInt8 = 0)
        -> [UInt8]
    {
        var body = imagePixelModule(rows: rows, columns: columns, frames: frames, bitsAllocated: bitsAllocated)
        var count = rows * columns * frames * (bitsAllocated / 8)
        count += count % 2
        body.element(0x7FE0, 0x0010, bitsAllocated == 8 ? "OB" : "OW", [UInt8](repeating: value, count: count))
        return part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes)
    }

    /// A Part 10 file in Deflated Explicit VR Little Endian (PS3.5 A.5) of `frames` frames of
    /// 1 x 1 8-bit zeros: a few KB per million frames.
    public static func deflatedTinyFrames(_ frames: Int) -> [UInt8] {
        let module = imagePixelModule(rows: 1, columns: 1, frames: frames, bitsAllocated: 8)
        return RawDeflate.part10(
            elements: module.bytes, group: 0x7FE0, element: 0x0010, vr: "OB", zeros: frames + frames % 2)
    }
}
