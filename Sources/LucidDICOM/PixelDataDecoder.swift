import LucidImaging

/// Decodes one frame of Pixel Data (7FE0,0010) into offset-binary `UInt16` samples
/// (see `StoredValueEncoding`): native pixels of 8 or 16 bits allocated in either byte order, RLE
/// Lossless, JPEG Baseline 8-bit and JPEG Lossless. Stored values are masked to Bits Stored below
/// High Bit and sign-extended when Pixel Representation is 1 (PS3.5 §8.1.1, PS3.3 C.7.6.3.1).
struct PixelDataDecoder {
    let file: DICOMFile
    let description: ImagePixelDescription
    let limits: ReadLimits

    var source: String { file.source }

    /// Decodes frame `index` (0-based).
    func decodeFrame(_ index: Int) throws(DICOMError) -> GrayImage<UInt16> {
        let element = try validate()
        guard (0..<description.numberOfFrames).contains(index) else {
            throw .frameOutOfRange(file: source, frame: index + 1, frameCount: description.numberOfFrames)
        }
        let raw: [UInt16]
        switch file.transferSyntax.pixelEncoding {
        case .native:
            raw = try nativeFrame(element, index: index)
        case .rle:
            raw = try rleFrame(try frameBytes(element, index: index), index: index)
        case .jpegProcess1or2:
            guard description.bitsAllocated == 8 else { throw unsupportedSyntax }
            raw = try jpegFrame(try frameBytes(element, index: index), index: index)
        case .jpegLossless:
            raw = try jpegLosslessFrame(try frameBytes(element, index: index), index: index)
        case .unsupported:
            throw unsupportedSyntax
        }
        let shift = file.transferSyntax.pixelEncoding == .native ? description.highBit + 1 - description.bitsStored : 0
        return GrayImage(
            width: description.columns, height: description.rows,
            pixels: PixelDataDecoder.toOffsetBinary(raw, shift: shift, encoding: description.encoding))
    }

    var unsupportedSyntax: DICOMError {
        .unsupportedTransferSyntax(file: source, uid: file.transferSyntax.uid, name: file.transferSyntax.name)
    }

    /// Masks each raw value to Bits Stored (after shifting High Bit down) and turns two's complement
    /// into offset binary by flipping the sign bit.
    static func toOffsetBinary(_ raw: [UInt16], shift: Int, encoding: StoredValueEncoding) -> [UInt16] {
        let mask = UInt16(truncatingIfNeeded: (1 << encoding.bitsStored) - 1)
        let flip: UInt16 = encoding.isSigned ? UInt16(truncatingIfNeeded: 1 << (encoding.bitsStored - 1)) : 0
        let shiftBy = UInt16(shift)
        return raw.map { (($0 >> shiftBy) & mask) ^ flip }
    }

    private func nativeFrame(_ element: DataElement, index: Int) throws(DICOMError) -> [UInt16] {
        let bytesPerSample = description.bitsAllocated / 8
        let frameBytes = description.pixelsPerFrame * bytesPerSample
        let start = element.valueOffset + index * frameBytes
        let buffer = file.dataSet.buffer
        let count = description.pixelsPerFrame
        var samples = [UInt16](repeating: 0, count: count)
        if bytesPerSample == 1 {
            let swapped = isByteSwapped8Bit(element)
            for i in 0..<count { samples[i] = UInt16(buffer[start + (swapped ? i ^ 1 : i)]) }
        } else if file.dataSet.isBigEndian {
            for i in 0..<count { samples[i] = UInt16(buffer[start + 2 * i]) << 8 | UInt16(buffer[start + 2 * i + 1]) }
        } else {
            for i in 0..<count { samples[i] = UInt16(buffer[start + 2 * i]) | UInt16(buffer[start + 2 * i + 1]) << 8 }
        }
        return samples
    }

    private func rleFrame(_ bytes: [UInt8], index: Int) throws(DICOMError) -> [UInt16] {
        let segments = description.bitsAllocated / 8
        let planes: [[UInt8]]
        do {
            planes = try RLEDecoder.decodePlanes(
                bytes, pixelCount: description.pixelsPerFrame, expectedSegments: segments)
        } catch {
            switch error {
            case .invalid(let reason):
                throw .codec(file: source, transferSyntax: file.transferSyntax.name, frame: index + 1, reason: reason)
            }
        }
        if segments == 1 { return planes[0].map { UInt16($0) } }
        return zip(planes[0], planes[1]).map { UInt16($0) << 8 | UInt16($1) }
    }
}
