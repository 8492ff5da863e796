import LucidCodecs

extension DerivedImage {
    /// The complete Part 10 file in `transferSyntax`: the data set in Explicit VR Little Endian,
    /// and Pixel Data native or, for JPEG-LS and HTJ2K, one lossless codestream of the stored
    /// values in one fragment after a Basic Offset Table (PS3.5 A.4).
    /// - Throws: `DICOMWriteError.pixelDataDoesNotEncode` when the codec refuses the frame.
    public func encode() throws(DICOMWriteError) -> [UInt8] {
        var dataSet = try dataSet()
        guard transferSyntax.isEncapsulated else {
            return try Part10Writer.encode(dataSet, implementationVersion: softwareVersion)
        }
        dataSet.remove(.pixelData)
        var codestream = try compressedFrame()
        if codestream.count % 2 == 1 { codestream.append(0) }
        guard let pixelData = Transcoder.encapsulatedPixelData([codestream]) else {
            throw .pixelDataDoesNotEncode(
                syntax: transferSyntax.transferSyntax.name, reason: "the codestream exceeds 2^32 - 2 bytes")
        }
        return try Part10Writer.encode(
            dataSet, implementationVersion: softwareVersion, transferSyntax: transferSyntax.transferSyntax)
            + pixelData
    }

    /// The processed frame's stored values as one lossless codestream: `encoding.bitsStored` bits of
    /// precision (at least 2 for JPEG-LS), signed values sign-extended in their container.
    private func compressedFrame() throws(DICOMWriteError) -> [UInt8] {
        let words = DerivedDataSetBuilder.storedWords(processed.pixels, encoding: encoding)
        let precision = transferSyntax == .jpegLSLossless ? max(2, encoding.bitsStored) : encoding.bitsStored
        let samples: SampleBuffer =
            precision <= 8 ? .uint8(words.map { UInt8(truncatingIfNeeded: $0) }) : .uint16(words)
        let source = CodestreamSource(
            width: processed.width, height: processed.height, components: 1, precision: precision,
            isSigned: encoding.isSigned, samples: samples)
        do throws(CodecError) {
            switch transferSyntax {
            case .jpegLSLossless: return try JPEGLSCodec.encode(source)
            case .htj2kLossless: return try HTJ2KCodec.encode(source)
            case .explicitVRLittleEndian: return []
            }
        } catch {
            throw .pixelDataDoesNotEncode(syntax: transferSyntax.transferSyntax.name, reason: error.description)
        }
    }

    /// The lossless syntax a derived image of `source` is written in: HTJ2K Lossless when the source
    /// is HTJ2K; JPEG-LS Lossless when the source's Pixel Data is otherwise compressed (JPEG,
    /// JPEG-LS, JPEG 2000, RLE), so that processing never makes the stored image several times
    /// larger; native Explicit VR Little Endian for a native (or deflated) source. A lossy source
    /// loses nothing more: the derived pixels are stored losslessly either way.
    public static func losslessSyntax(for source: DICOMImage) -> TargetSyntax {
        switch source.file.transferSyntax.pixelEncoding {
        case .native, .unsupported: return .explicitVRLittleEndian
        case .htj2k: return .htj2kLossless
        case .rle, .jpegProcess1or2, .jpegLossless, .jpegLS, .jpeg2000: return .jpegLSLossless
        }
    }
}
