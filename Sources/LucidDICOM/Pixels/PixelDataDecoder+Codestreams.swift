import LucidCodecs

/// JPEG-LS (PS3.5 A.4.3), JPEG 2000 (A.4.4) and HTJ2K (A.4.6) frames, and JPEG Extended 12-bit
/// (A.4.1), decoded through `DecodedCodestream` decoders.
extension PixelDataDecoder {
    func codestreamSamples(_ bytes: [UInt8], index: Int) throws(DICOMError) -> StoredSamples {
        throw unsupportedSyntax
    }

    /// A JPEG frame libjpeg (8-bit only) cannot read: 12-bit Extended (Process 4), decoded by
    /// `JPEGExtendedDecoder` (the IJG integer IDCT, so results equal DCMTK's).
    func jpegExtendedSamples(_ bytes: [UInt8], index: Int) throws(DICOMError) -> StoredSamples {
        let image: JPEGDecodedImage
        do {
            image = try JPEGExtendedDecoder.decode(bytes, maximumSampleCount: maximumFrameSamples)
        } catch {
            if case .imageTooLarge(let width, let height, let components) = error {
                throw geometryMismatch(width: width, height: height, components: components, index: index)
            }
            throw codecError(index, error.description)
        }
        try checkGeometry(width: image.width, height: image.height, components: image.components, index: index)
        return containerSamples(image.samples)
    }
}
