extension PixelDataDecoder {
    func jpegFrame(_ bytes: [UInt8], index: Int) throws(DICOMError) -> [UInt16] { throw unsupportedSyntax }
    func jpegLosslessFrame(_ bytes: [UInt8], index: Int) throws(DICOMError) -> [UInt16] { throw unsupportedSyntax }
}
