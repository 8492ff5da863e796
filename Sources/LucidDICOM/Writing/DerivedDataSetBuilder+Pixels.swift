import LucidImaging

extension DerivedDataSetBuilder {
    /// The Image Pixel module (PS3.3 C.7.6.3): one sample, the source's MONOCHROME1/2, 16 bits
    /// allocated, Bits Stored / High Bit / Pixel Representation from the encoding, and Pixel Data
    /// as OW little endian holding the stored values (offset binary undone; signed values in two's
    /// complement, sign-extended to 16 bits). Pixel Padding Value and Range Limit are kept.
    mutating func setPixels() throws(DICOMWriteError) {
        let encoding = image.encoding
        let photometric = image.source.pixel.isMonochrome1 ? "MONOCHROME1" : "MONOCHROME2"
        output.set(.samplesPerPixel, .US, .uint16s([1]))
        output.set(.photometricInterpretation, .CS, photometric)
        output.set(.rows, .US, .uint16s([UInt16(image.processed.height)]))
        output.set(.columns, .US, .uint16s([UInt16(image.processed.width)]))
        output.set(.bitsAllocated, .US, .uint16s([16]))
        output.set(.bitsStored, .US, .uint16s([UInt16(encoding.bitsStored)]))
        output.set(.highBit, .US, .uint16s([UInt16(encoding.bitsStored - 1)]))
        output.set(.pixelRepresentation, .US, .uint16s([encoding.isSigned ? 1 : 0]))
        for tag in [DICOMTag.pixelPaddingValue, .pixelPaddingRangeLimit] {
            guard let word = source.uint16Words(tag).first else { continue }
            let stored = image.source.pixel.pixelRepresentation == 1 ? Int(Int16(bitPattern: word)) : Int(word)
            guard (encoding.minimumStoredValue...encoding.maximumStoredValue).contains(stored) else { continue }
            if encoding.isSigned {
                output.set(tag, .SS, .int16s([Int16(truncatingIfNeeded: stored)]))
            } else {
                output.set(tag, .US, .uint16s([UInt16(truncatingIfNeeded: stored)]))
            }
        }
        if output[.pixelPaddingRangeLimit] != nil, output[.pixelPaddingValue] == nil {
            output.remove(.pixelPaddingRangeLimit)
        }
        output.set(.pixelData, .OW, .uint16s(Self.storedWords(image.processed.pixels, encoding: encoding)))
    }

    /// Stored values of offset-binary samples as 16-bit words (two's complement when signed).
    static func storedWords(_ samples: [UInt16], encoding: StoredValueEncoding) -> [UInt16] {
        let offset = encoding.offset
        guard offset != 0 else { return samples }
        return samples.map { UInt16(truncatingIfNeeded: Int($0) - offset) }
    }
}
