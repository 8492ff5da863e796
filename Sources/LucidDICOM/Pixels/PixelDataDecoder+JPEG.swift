import LucidCodecs

/// JPEG frames (PS3.5 A.4.1): Baseline and Extended 8-bit through libjpeg, without colour
/// conversion (YBR stays YBR, as the Photometric Interpretation says); Extended 12-bit through
/// `JPEGExtendedDecoder`; JPEG Lossless (Process 14) through `JPEGLosslessDecoder`. The decoded
/// size and component count must agree with the Image Pixel module; a stream declaring more
/// samples than the header's frame (itself within `ReadLimits`) is refused before its sample
/// buffer is allocated.
extension PixelDataDecoder {
    func jpegSamples(_ bytes: [UInt8], index: Int) throws(DICOMError) -> StoredSamples {
        let header: JPEGHeader
        do {
            header = try JPEGCodec.readHeader(bytes)
        } catch {
            if case .unsupportedPrecision = error { return try jpegExtendedSamples(bytes, index: index) }
            throw codecError(index, error.description)
        }
        try checkGeometry(width: header.width, height: header.height, components: header.components, index: index)
        let image: JPEGImage
        do {
            image = try JPEGCodec.decode(bytes, maximumPixelCount: description.pixelsPerFrame)
        } catch {
            if case .imageTooLarge(let width, let height, _) = error {
                throw geometryMismatch(width: width, height: height, components: nil, index: index)
            }
            throw codecError(index, error.description)
        }
        try checkGeometry(width: image.width, height: image.height, components: image.components, index: index)
        if description.bitsAllocated == 8 { return .uint8(image.samples) }
        var values = image.samples.map { UInt16($0) }
        Self.mask(&values, shift: 0, bitsStored: description.bitsStored)
        return .uint16(values)
    }

    func jpegLosslessSamples(_ bytes: [UInt8], index: Int) throws(DICOMError) -> StoredSamples {
        try swiftJPEGSamples(index: index) { () throws(JPEGDecodingError) in
            try JPEGLosslessDecoder.decode(bytes, maximumSampleCount: maximumFrameSamples)
        }
    }

    /// A frame decoded by one of Lucid's own JPEG decoders (`decode`), checked against the header
    /// and put in the container of Bits Allocated.
    func swiftJPEGSamples(index: Int, _ decode: () throws(JPEGDecodingError) -> JPEGDecodedImage)
        throws(DICOMError) -> StoredSamples
    {
        let image: JPEGDecodedImage
        do {
            image = try decode()
        } catch {
            if case .imageTooLarge(let width, let height, let components) = error {
                throw geometryMismatch(width: width, height: height, components: components, index: index)
            }
            throw codecError(index, error.description)
        }
        try checkGeometry(width: image.width, height: image.height, components: image.components, index: index)
        return containerSamples(image.samples)
    }

    /// Samples per frame the header declares (bounded by `ReadLimits.maximumFramePixels` x 3).
    var maximumFrameSamples: Int { description.pixelsPerFrame * description.samplesPerPixel }

    /// 16-bit decoder output in the container of Bits Allocated, masked to Bits Stored.
    func containerSamples(_ samples: [UInt16]) -> StoredSamples {
        if description.bitsAllocated == 8 {
            return .uint8(
                samples.map {
                    UInt8(truncatingIfNeeded: $0) & UInt8(truncatingIfNeeded: (1 << description.bitsStored) - 1)
                })
        }
        var values = samples
        Self.mask(&values, shift: 0, bitsStored: description.bitsStored)
        return .uint16(values)
    }

    func checkGeometry(width: Int, height: Int, components: Int, index: Int, stream: String = "JPEG")
        throws(DICOMError)
    {
        guard width == description.columns, height == description.rows, components == description.samplesPerPixel
        else {
            throw geometryMismatch(width: width, height: height, components: components, index: index, stream: stream)
        }
    }

    func geometryMismatch(width: Int, height: Int, components: Int?, index: Int, stream: String = "JPEG")
        -> DICOMError
    {
        let parts = components.map { " with \($0) component(s)" } ?? ""
        return codecError(
            index,
            "the \(stream) stream is \(width)x\(height)\(parts), the header declares "
                + "\(description.columns)x\(description.rows) with \(description.samplesPerPixel)")
    }

    /// The error of a frame that does not decode; `reason` without a final period (the error's
    /// description ends the sentence).
    func codecError(_ index: Int, _ reason: String) -> DICOMError {
        var reason = Substring(reason)
        while reason.hasSuffix(".") { reason = reason.dropLast() }
        return .codec(file: source, transferSyntax: file.transferSyntax.name, frame: index + 1, reason: String(reason))
    }
}
