import LucidImaging

/// Decodes one frame of Pixel Data (7FE0,0010), Float Pixel Data (7FE0,0008) or Double Float
/// Pixel Data (7FE0,0009) into its stored values (`StoredFrame`): native data of 1, 8, 16, 32 or
/// 64 bits allocated in either byte order and either Planar Configuration, RLE Lossless, JPEG
/// Baseline and Extended (8 and 12-bit), JPEG Lossless, JPEG-LS, JPEG 2000 and HTJ2K. Integer
/// values are masked to Bits Stored below High Bit (PS3.5 §8.1.1, PS3.3 C.7.6.3.1).
struct PixelDataDecoder {
    let file: DICOMFile
    let description: ImagePixelDescription
    let limits: ReadLimits

    var source: String { file.source }

    /// Decodes frame `index` (0-based) into its stored values.
    func decodeStoredFrame(_ index: Int) throws(DICOMError) -> StoredFrame {
        let element = try validate()
        guard (0..<description.numberOfFrames).contains(index) else {
            throw .frameOutOfRange(file: source, frame: index + 1, frameCount: description.numberOfFrames)
        }
        let samples: StoredSamples
        var colorTransformUndone = false
        switch description.isFloat ? .native : file.transferSyntax.pixelEncoding {
        case .native:
            samples = try nativeSamples(element, index: index)
        case .rle:
            samples = try rleSamples(try frameBytes(element, index: index), index: index)
        case .jpegProcess1or2:
            samples = try jpegSamples(try frameBytes(element, index: index), index: index)
        case .jpegLossless:
            samples = try jpegLosslessSamples(try frameBytes(element, index: index), index: index)
        case .jpegLS, .jpeg2000, .htj2k:
            (samples, colorTransformUndone) = try codestreamSamples(try frameBytes(element, index: index), index: index)
        case .unsupported:
            throw unsupportedSyntax
        }
        return StoredFrame(
            columns: description.columns, rows: description.rows, samplesPerPixel: description.samplesPerPixel,
            bitsStored: description.bitsStored, isSigned: description.pixelRepresentation == 1, samples: samples,
            colorTransformUndone: colorTransformUndone)
    }

    /// Decodes frame `index` (0-based) of a grayscale image of at most 16 bits stored into
    /// offset-binary `UInt16` samples (see `StoredValueEncoding`).
    func decodeFrame(_ index: Int) throws(DICOMError) -> GrayImage<UInt16> {
        try validateGrayscale16()
        let stored = try decodeStoredFrame(index)
        let pixels: [UInt16]
        switch stored.samples {
        case .uint8(let values): pixels = Self.toOffsetBinary(values.map { UInt16($0) }, encoding: description.encoding)
        case .uint16(let values): pixels = Self.toOffsetBinary(values, encoding: description.encoding)
        default: throw grayscale16Refusal
        }
        return GrayImage(width: description.columns, height: description.rows, pixels: pixels)
    }

    var unsupportedSyntax: DICOMError {
        .unsupportedTransferSyntax(file: source, uid: file.transferSyntax.uid, name: file.transferSyntax.name)
    }

    /// Turns two's complement stored values (already masked to Bits Stored) into offset binary by
    /// flipping the sign bit.
    static func toOffsetBinary(_ masked: [UInt16], encoding: StoredValueEncoding) -> [UInt16] {
        guard encoding.isSigned else { return masked }
        let flip = UInt16(truncatingIfNeeded: 1 << (encoding.bitsStored - 1))
        return masked.map { $0 ^ flip }
    }

    /// Shifts each raw value right by `shift` (High Bit down to Bits Stored - 1) and keeps the low
    /// `bitsStored` bits.
    static func mask<Sample: FixedWidthInteger & UnsignedInteger>(_ values: inout [Sample], shift: Int, bitsStored: Int)
    {
        guard shift > 0 || bitsStored < Sample.bitWidth else { return }
        let mask: Sample = bitsStored >= Sample.bitWidth ? ~0 : (1 << Sample(bitsStored)) &- 1
        let by = Sample(shift)
        for index in values.indices { values[index] = (values[index] >> by) & mask }
    }

    /// The error for a frame asked for as grayscale samples of at most 16 bits that is not one.
    var grayscale16Refusal: DICOMError {
        if !description.isGrayscale {
            return .notGrayscale(file: source, photometricInterpretation: description.photometricInterpretation)
        }
        return .unsupportedPixelFormat(
            file: source, tag: .bitsStored,
            reason:
                "Bits Stored \(description.bitsStored) (Bits Allocated \(description.bitsAllocated)"
                + "\(description.isFloat ? ", float" : "")): grayscale samples of at most 16 bits are needed here; "
                + "the stored values are read with DICOMImage.storedFrame")
    }

    func validateGrayscale16() throws(DICOMError) {
        guard description.isGrayscale, !description.isFloat, description.bitsStored <= 16,
            description.bitsAllocated <= 16
        else { throw grayscale16Refusal }
    }
}
