import LucidCodecs

/// JPEG frames: Baseline and Extended 8-bit through libjpeg (PS3.5 A.4.1), and JPEG Lossless
/// (Process 14, PS3.5 A.4.1) through `JPEGLosslessDecoder`. The decoded size and component count
/// must agree with the Image Pixel module; a stream declaring more samples than the header's frame
/// (itself within `ReadLimits`) is refused before its sample buffer is allocated: a baseline
/// stream by its frame header (width, height and components) before libjpeg decodes anything, a
/// lossless one by the decoder's sample cap.
extension PixelDataDecoder {
    func jpegFrame(_ bytes: [UInt8], index: Int) throws(DICOMError) -> [UInt16] {
        let header: JPEGHeader
        do {
            header = try JPEGCodec.readHeader(bytes)
        } catch {
            if case .unsupportedPrecision = error { throw unsupportedSyntax }
            throw codecError(index, error.description)
        }
        try checkGeometry(width: header.width, height: header.height, components: header.components, index: index)
        let image: JPEGImage
        do {
            image = try JPEGCodec.decode(bytes, maximumPixelCount: description.pixelsPerFrame)
        } catch {
            if case .unsupportedPrecision = error { throw unsupportedSyntax }
            if case .imageTooLarge(let width, let height, _) = error {
                throw geometryMismatch(width: width, height: height, components: nil, index: index)
            }
            throw codecError(index, error.description)
        }
        try checkGeometry(width: image.width, height: image.height, components: image.components, index: index)
        return image.samples.map { UInt16($0) }
    }

    func jpegLosslessFrame(_ bytes: [UInt8], index: Int) throws(DICOMError) -> [UInt16] {
        let image: JPEGLosslessImage
        do {
            image = try JPEGLosslessDecoder.decode(bytes, maximumSampleCount: description.pixelsPerFrame)
        } catch {
            if case .imageTooLarge(let width, let height, let components) = error {
                throw geometryMismatch(width: width, height: height, components: components, index: index)
            }
            throw codecError(index, error.description)
        }
        try checkGeometry(width: image.width, height: image.height, components: image.components, index: index)
        return image.samples
    }

    private func checkGeometry(width: Int, height: Int, components: Int, index: Int) throws(DICOMError) {
        guard width == description.columns, height == description.rows, components == 1 else {
            throw geometryMismatch(width: width, height: height, components: components, index: index)
        }
    }

    private func geometryMismatch(width: Int, height: Int, components: Int?, index: Int) -> DICOMError {
        let parts = components.map { " with \($0) component(s)" } ?? ""
        return codecError(
            index,
            "the JPEG stream is \(width)x\(height)\(parts), the header declares "
                + "\(description.columns)x\(description.rows) with 1")
    }

    private func codecError(_ index: Int, _ reason: String) -> DICOMError {
        .codec(file: source, transferSyntax: file.transferSyntax.name, frame: index + 1, reason: reason)
    }
}
