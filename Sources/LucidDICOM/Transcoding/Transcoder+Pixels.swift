/// Decoding every frame and writing it again in the target syntax, with the Image Pixel
/// attributes that must follow (PS3.3 C.7.6.3, PS3.5 §8.2).
extension Transcoder {
    /// The edits of one image's data set, and the size of its source's compressed frames.
    struct PixelRewrite {
        var edits: ElementEdits
        /// Bytes of the source's encapsulated fragments (offset table excluded); nil when native.
        var sourceCompressedBytes: Int?

        mutating func merge(_ other: ElementEdits) {
            edits.set.merge(other.set) { _, new in new }
            edits.removed.formUnion(other.removed)
        }
    }

    /// Photometric Interpretations whose decoded samples are full-resolution YCbCr (YBR_FULL).
    static let subsampledYBR: Set<String> = ["YBR_FULL_422", "YBR_PARTIAL_422", "YBR_PARTIAL_420"]
    /// Photometric Interpretations whose JPEG 2000 component transform the decoder reverses (RGB).
    static let componentTransformYBR: Set<String> = ["YBR_ICT", "YBR_RCT"]

    static func rewritePixels(of image: DICOMImage, to target: TargetSyntax) throws(TranscodeError) -> PixelRewrite {
        let pixel = image.pixel, file = image.source
        try checkSupported(pixel, target: target, file: file)
        let element: DataElement
        do throws(DICOMError) {
            try image.checkPixelData()
            guard let found = image.dataSet[pixel.pixelDataTag] else { throw .noPixelData(file: file) }
            element = found
        } catch {
            throw .unreadable(error)
        }
        var native = NativePixelWriter(pixel)
        var fragments: [[UInt8]] = []
        for index in 0..<pixel.numberOfFrames {
            let frame: StoredFrame
            do throws(DICOMError) {
                frame = try image.storedFrame(index)
            } catch {
                throw .frameDoesNotDecode(file: file, frame: index + 1, cause: error)
            }
            if target.isEncapsulated {
                fragments.append(try compress(frame, to: target, file: file, frame: index + 1))
            } else {
                native.append(frame)
            }
        }
        var edits = ElementEdits()
        edits.removed = [.extendedOffsetTable, .extendedOffsetTableLengths, pixel.pixelDataTag]
        if target.isEncapsulated { edits.set[.pixelData] = try encapsulatedPixelData(fragments, file: file) }
        do throws(DICOMWriteError) {
            if target.isEncapsulated {
                if pixel.highBit != pixel.bitsStored - 1 {
                    try edits.set(.highBit, .US, .uint16s([UInt16(pixel.bitsStored - 1)]))
                }
            } else {
                edits.set[pixel.pixelDataTag] = try native.element(file: file)
            }
            if pixel.samplesPerPixel == 3 {
                try edits.set(.planarConfiguration, .US, .uint16s([0]))
                if subsampledYBR.contains(pixel.photometricInterpretation) {
                    try edits.set(.photometricInterpretation, .CS, .strings(["YBR_FULL"]))
                } else if componentTransformYBR.contains(pixel.photometricInterpretation) {
                    try edits.set(.photometricInterpretation, .CS, .strings(["RGB"]))
                }
            }
        } catch {
            throw .cannotWrite(file: file, cause: error)
        }
        let compressed = element.fragments.map { $0.dropFirst().reduce(0) { $0 + $1.length } }
        return PixelRewrite(edits: edits, sourceCompressedBytes: compressed)
    }

    /// Refuses, before any frame is decoded, what the target cannot carry: compressed float or
    /// 1-bit data, and more than 16 bits per sample for JPEG-LS and HTJ2K (T.87, ISO/IEC 15444-15
    /// as DICOM uses them).
    static func checkSupported(_ pixel: ImagePixelDescription, target: TargetSyntax, file: String)
        throws(TranscodeError)
    {
        guard target.isEncapsulated else { return }
        if pixel.isFloat {
            throw .unsupported(
                file: file, target: target,
                reason: "float pixel data (\(pixel.pixelDataTag.described)) has no compressed transfer syntax; "
                    + "use --to explicit-le")
        }
        if pixel.bitsAllocated == 1 {
            throw .unsupported(
                file: file, target: target,
                reason: "1-bit pixel data (Bits Allocated 1) has no compressed transfer syntax; use --to explicit-le")
        }
        if pixel.bitsStored > 16 {
            throw .unsupported(
                file: file, target: target,
                reason: "Bits Stored \(pixel.bitsStored) is above the 16 bits \(target.name) carries; "
                    + "use --to explicit-le")
        }
    }
}
