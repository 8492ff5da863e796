import LucidCodecs

/// JPEG-LS (PS3.5 A.4.3), JPEG 2000 (A.4.4) and HTJ2K (A.4.6) frames, and JPEG Extended 12-bit
/// (A.4.1), decoded through `DecodedCodestream` decoders.
extension PixelDataDecoder {
    /// Decodes a JPEG-LS, JPEG 2000 or HTJ2K frame and returns its samples in the container of
    /// Bits Allocated, masked to Bits Stored, and whether a JPEG 2000 component transform was
    /// reversed. The codestream's own precision and sign are not trusted: values are widened by the
    /// codestream's sign, then read as Bits Stored bits with Pixel Representation (the JPEG 2000
    /// files of the field disagree with their headers both ways).
    func codestreamSamples(_ bytes: [UInt8], index: Int) throws(DICOMError) -> (StoredSamples, Bool) {
        let limits = CodestreamLimits(maximumSampleCount: maximumFrameSamples)
        let decoded: DecodedCodestream
        do throws(CodecError) {
            switch file.transferSyntax.pixelEncoding {
            case .jpeg2000: decoded = try JPEG2000Codec.decode(bytes, limits: limits)
            case .jpegLS: decoded = try JPEGLSCodec.decode(bytes, limits: limits)
            default: decoded = try HTJ2KCodec.decode(bytes, limits: limits)
            }
        } catch {
            if case .imageTooLarge(let width, let height, _) = error {
                throw geometryMismatch(
                    width: width, height: height, components: nil, index: index, stream: codestreamName)
            }
            throw codecError(index, error.description)
        }
        try checkGeometry(
            width: decoded.width, height: decoded.height, components: decoded.components, index: index,
            stream: codestreamName)
        return (try containerSamples(decoded, index: index), decoded.colorTransformUndone)
    }

    private var codestreamName: String {
        switch file.transferSyntax.pixelEncoding {
        case .jpegLS: "JPEG-LS"
        case .htj2k: "HTJ2K"
        default: "JPEG 2000"
        }
    }

    /// The decoded values in the container of Bits Allocated, masked to Bits Stored.
    private func containerSamples(_ decoded: DecodedCodestream, index: Int) throws(DICOMError) -> StoredSamples {
        // The common case, a container that is already Bits Allocated's: mask in place, no copy.
        switch (decoded.samples, description.bitsAllocated) {
        case (.uint16(var samples), 16):
            Self.mask(&samples, shift: 0, bitsStored: description.bitsStored)
            return .uint16(samples)
        case (.uint8(var samples), 8):
            Self.mask(&samples, shift: 0, bitsStored: description.bitsStored)
            return .uint8(samples)
        default:
            break
        }
        // Signed samples are two's complement in their container (see `SampleBuffer`): widen by sign.
        let signed = decoded.isSigned
        let values: [UInt32]
        switch decoded.samples {
        case .uint8(let samples):
            values = samples.map { signed ? UInt32(bitPattern: Int32(Int8(bitPattern: $0))) : UInt32($0) }
        case .uint16(let samples):
            values = samples.map { signed ? UInt32(bitPattern: Int32(Int16(bitPattern: $0))) : UInt32($0) }
        case .uint32(let samples): values = samples
        }
        let mask = description.bitsStored >= 32 ? UInt32.max : (UInt32(1) << UInt32(description.bitsStored)) - 1
        switch description.bitsAllocated {
        case 8:
            guard decoded.precision <= 8 else { throw precisionMismatch(decoded, index: index) }
            return .uint8(values.map { UInt8(truncatingIfNeeded: $0 & mask) })
        case 16:
            guard decoded.precision <= 16 else { throw precisionMismatch(decoded, index: index) }
            return .uint16(values.map { UInt16(truncatingIfNeeded: $0 & mask) })
        default:
            return .uint32(values.map { $0 & mask })
        }
    }

    private func precisionMismatch(_ decoded: DecodedCodestream, index: Int) -> DICOMError {
        codecError(
            index,
            "the \(codestreamName) codestream holds \(decoded.precision)-bit samples, more than the "
                + "\(description.bitsAllocated) bits allocated")
    }

    /// A JPEG frame libjpeg (8-bit only) cannot read: 12-bit Extended (Process 4), decoded by
    /// `JPEGExtendedDecoder` (the IJG integer IDCT, so results equal DCMTK's).
    func jpegExtendedSamples(_ bytes: [UInt8], index: Int) throws(DICOMError) -> StoredSamples {
        try swiftJPEGSamples(index: index) { () throws(JPEGDecodingError) in
            try JPEGExtendedDecoder.decode(bytes, maximumSampleCount: maximumFrameSamples)
        }
    }
}
