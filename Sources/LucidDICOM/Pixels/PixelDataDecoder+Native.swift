/// Native (uncompressed) Pixel Data, PS3.5 §8.1.1 and §8.2: samples of Bits Allocated bits in the
/// data set's byte order, frames one after the other; Bits Allocated 1 packs eight pixels a byte,
/// least significant bit first, frames continuing from the bit where the previous one ended.
/// Planar Configuration 1 stores each frame plane by plane; native YBR_FULL_422 stores Y1 Y2 Cb Cr
/// for each pair of pixels. Samples come out interleaved by pixel and masked to Bits Stored.
extension PixelDataDecoder {
    func nativeSamples(_ element: DataElement, index: Int) throws(DICOMError) -> StoredSamples {
        let layout = description.nativeLayout
        let bytes = file.dataSet.buffer
        let shift = description.isFloat ? 0 : description.highBit + 1 - description.bitsStored
        switch description.bitsAllocated {
        case 1:
            let firstBit = index * layout.storedSamples
            let base = element.valueOffset
            var values = [UInt8](repeating: 0, count: layout.storedSamples)
            for sample in values.indices {
                let bit = firstBit + sample
                values[sample] = bytes[base + bit >> 3] >> UInt8(bit & 7) & 1
            }
            return .uint8(values)
        case 8:
            let start = element.valueOffset + index * layout.frameBytes
            let swapped = isByteSwapped8Bit(element)
            var values = [UInt8](repeating: 0, count: layout.storedSamples)
            for sample in values.indices { values[sample] = bytes[start + (swapped ? sample ^ 1 : sample)] }
            Self.mask(&values, shift: shift, bitsStored: description.bitsStored)
            return .uint8(arrange(values))
        case 16:
            var values: [UInt16] = readWords(
                from: element.valueOffset + index * layout.frameBytes, layout.storedSamples)
            Self.mask(&values, shift: shift, bitsStored: description.bitsStored)
            return .uint16(arrange(values))
        case 32:
            var values: [UInt32] = readWords(
                from: element.valueOffset + index * layout.frameBytes, layout.storedSamples)
            if description.isFloat { return .float32(arrange(values).map { Float(bitPattern: $0) }) }
            Self.mask(&values, shift: shift, bitsStored: description.bitsStored)
            return .uint32(arrange(values))
        default:
            let values: [UInt64] = readWords(
                from: element.valueOffset + index * layout.frameBytes, layout.storedSamples)
            return .float64(arrange(values).map { Double(bitPattern: $0) })
        }
    }

    /// `count` unsigned integers of `Word`'s width from byte `start`, in the data set's byte order:
    /// copied as they are, then byte-swapped when the data set's order is not the machine's. The
    /// caller has checked that the frame lies within the Pixel Data element.
    private func readWords<Word: FixedWidthInteger & UnsignedInteger>(from start: Int, _ count: Int) -> [Word] {
        let bytes = file.dataSet.buffer
        let length = count * MemoryLayout<Word>.size
        precondition(start >= 0 && length <= bytes.count - start, "a native frame outside its data set")
        // Every word is written by the copy, so the array is not zeroed first.
        var values = [Word](unsafeUninitializedCapacity: count) { words, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(words).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: source[start..<start + length]))
            }
            initialized = count
        }
        let machineIsBigEndian = UInt16(1).bigEndian == 1
        if file.dataSet.isBigEndian != machineIsBigEndian {
            for index in values.indices { values[index] = values[index].byteSwapped }
        }
        return values
    }

    /// Samples as the file holds them, turned into one interleaved sample set per pixel: planes
    /// (Planar Configuration 1) interleaved, Y1 Y2 Cb Cr pairs (native 4:2:2) expanded.
    private func arrange<Sample>(_ values: [Sample]) -> [Sample] {
        guard description.samplesPerPixel == 3 else { return values }
        let pixels = description.pixelsPerFrame
        if description.isHorizontallySubsampled {
            var expanded: [Sample] = []
            expanded.reserveCapacity(pixels * 3)
            for pair in 0..<(pixels / 2) {
                let y1 = values[4 * pair], y2 = values[4 * pair + 1]
                let blue = values[4 * pair + 2], red = values[4 * pair + 3]
                expanded.append(contentsOf: [y1, blue, red, y2, blue, red])
            }
            return expanded
        }
        guard description.planarConfiguration == 1 else { return values }
        var interleaved = values
        for pixel in 0..<pixels {
            for plane in 0..<3 { interleaved[3 * pixel + plane] = values[plane * pixels + pixel] }
        }
        return interleaved
    }
}

/// The size of one frame of native Pixel Data (PS3.5 §8.1.1).
struct NativeLayout {
    /// Samples the file stores for one frame (two per pixel for native 4:2:2).
    let storedSamples: Int
    /// Bytes of one frame; for Bits Allocated 1 frames are not byte-aligned and this is 0.
    let frameBytes: Int
    /// Bytes that every declared frame needs, rounded up to whole bytes for Bits Allocated 1.
    let imageBytes: Int
}

extension ImagePixelDescription {
    /// The native layout; its products are bounded by the declared-size check of
    /// `PixelDataDecoder.validate` before any is used to read.
    var nativeLayout: NativeLayout {
        let perPixel = isHorizontallySubsampled && samplesPerPixel == 3 ? 2 : samplesPerPixel
        let storedSamples = pixelsPerFrame * perPixel
        if bitsAllocated == 1 {
            return NativeLayout(
                storedSamples: storedSamples, frameBytes: 0, imageBytes: (storedSamples * numberOfFrames + 7) / 8)
        }
        let frameBytes = storedSamples * bitsAllocated / 8
        return NativeLayout(
            storedSamples: storedSamples, frameBytes: frameBytes, imageBytes: frameBytes * numberOfFrames)
    }
}
