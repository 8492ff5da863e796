/// Everything that can go wrong reading a DICOM file, one case per failure family.
/// Every case names the file (or the label given for standard input); where the failure has a
/// place, the tag `(GGGG,EEEE)` and the byte offset (from the start of the file; for deflated data
/// sets, from the start of the inflated data set).
public enum DICOMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read at all.
    case unreadable(file: String, reason: String)
    /// The bytes are not a DICOM file: no `DICM` prefix and no plausible data set at the start.
    case notDICOM(file: String, reason: String)
    /// The file ends inside an element header or value.
    case truncated(file: String, tag: DICOMTag?, offset: Int, needed: Int, available: Int)
    /// An element declares a value longer than what is left of the file (or of its sequence item).
    case invalidLength(file: String, tag: DICOMTag, offset: Int, length: UInt32, remaining: Int)
    /// The structure is broken in some other way (bad item tag, delimiter in the wrong place, ...).
    case malformed(file: String, tag: DICOMTag?, offset: Int, reason: String)
    /// Sequences nest deeper than Lucid's limit.
    case nestingTooDeep(file: String, tag: DICOMTag, offset: Int, limit: Int)
    /// The deflated data set does not inflate.
    case inflateFailed(file: String, offset: Int, reason: String)
    /// Something in the file would make Lucid allocate or read more than one of its `ReadLimits`:
    /// `value` (in the limit's unit) against `maximum`, with the tag and byte offset where it was
    /// found when there is one.
    case tooLarge(file: String, tag: DICOMTag?, offset: Int?, limit: ReadLimit, value: Int, maximum: Int)
    /// The transfer syntax is recognised but Lucid does not decode it, or it is unknown.
    case unsupportedTransferSyntax(file: String, uid: String, name: String)
    /// A Type 1 attribute needed to decode the image is absent or empty.
    case missingAttribute(file: String, tag: DICOMTag)
    /// An attribute has a value Lucid cannot use.
    case invalidAttribute(file: String, tag: DICOMTag, value: String, reason: String)
    /// The data set has no Pixel Data (7FE0,0010).
    case noPixelData(file: String)
    /// Pixel Data (7FE0,0010) is present but holds no bytes.
    case emptyPixelData(file: String, offset: Int)
    /// Pixel Data holds fewer bytes than Rows x Columns x Frames x Bits Allocated declare.
    case truncatedPixelData(file: String, offset: Int, expectedBytes: Int, availableBytes: Int)
    /// Encapsulated Pixel Data cut short: fewer frames (fragments) than Number of Frames declares.
    case truncatedFrames(file: String, offset: Int, expectedFrames: Int, availableFrames: Int)
    /// A Photometric Interpretation the standard does not define for this Samples per Pixel
    /// (PS3.3 C.7.6.3.1.2), e.g. ARGB, CMYK or MONOCHROME2 with 3 samples.
    case colourNotSupported(file: String, photometricInterpretation: String, samplesPerPixel: Int)
    /// A grayscale frame was asked for (`DICOMImage.frame`, `grayFrame`) of a colour image: its
    /// colours are read with `rgbFrame`, its stored values with `storedFrame`.
    case notGrayscale(file: String, photometricInterpretation: String)
    /// A pixel layout Lucid does not decode (Bits Allocated other than 8 or 16, float pixels, ...).
    case unsupportedPixelFormat(file: String, tag: DICOMTag, reason: String)
    /// The requested frame does not exist.
    case frameOutOfRange(file: String, frame: Int, frameCount: Int)
    /// The compressed pixel stream of a frame does not decode.
    case codec(file: String, transferSyntax: String, frame: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file: \(reason)"
        case .notDICOM(let file, let reason):
            return "\(file): not a DICOM file: \(reason). Check that the path names a DICOM Part 10 file."
        case .truncated(let file, let tag, let offset, let needed, let available):
            let place = tag.map { "\($0.described) " } ?? ""
            return "\(file): \(place)at byte \(offset): file is truncated: \(needed) bytes needed, \(available) left. "
                + "The file was cut short; copy it again from its source."
        case .invalidLength(let file, let tag, let offset, let length, let remaining):
            return "\(file): \(tag.described) at byte \(offset): declared length \(length) exceeds the \(remaining) "
                + "bytes that remain. The file is truncated or corrupt."
        case .malformed(let file, let tag, let offset, let reason):
            let place = tag.map { "\($0.described) " } ?? ""
            return "\(file): \(place)at byte \(offset): malformed data set: \(reason)."
        case .nestingTooDeep(let file, let tag, let offset, let limit):
            return "\(file): \(tag.described) at byte \(offset): sequences nest deeper than \(limit) levels; "
                + "refusing to read further."
        case .inflateFailed(let file, let offset, let reason):
            return "\(file): at byte \(offset): the deflated data set does not inflate: \(reason)."
        case .tooLarge(let file, let tag, let offset, let limit, let value, let maximum):
            let place = (tag.map { "\($0.described) " } ?? "") + (offset.map { "at byte \($0): " } ?? "")
            return "\(file): \(place)the \(limit.measure) reaches \(value), above Lucid's limit of \(maximum) "
                + "(\(limit.setting)). \(limit.advice)"
        case .unsupportedTransferSyntax(let file, let uid, let name):
            return "\(file): (0002,0010) TransferSyntaxUID: unsupported transfer syntax \(uid) (\(name)). "
                + "Convert the file to an uncompressed syntax first (for example `dcmdjpeg`, `dcmdjpls` or `gdcmconv --raw`)."
        case .missingAttribute(let file, let tag):
            return "\(file): \(tag.described) is missing or empty; it is required to decode the image."
        case .invalidAttribute(let file, let tag, let value, let reason):
            return "\(file): \(tag.described) has value '\(value)': \(reason)."
        case .noPixelData(let file):
            return "\(file): no pixel data: the data set has no (7FE0,0010) PixelData element; it is not an image."
        case .emptyPixelData(let file, let offset):
            return "\(file): (7FE0,0010) PixelData at byte \(offset) is empty (length 0): no/short pixel data."
        case .truncatedPixelData(let file, let offset, let expectedBytes, let availableBytes):
            return "\(file): (7FE0,0010) PixelData at byte \(offset): truncated pixel data: the header declares "
                + "\(expectedBytes) bytes of pixels, only \(availableBytes) are present. The file was cut short."
        case .truncatedFrames(let file, let offset, let expectedFrames, let availableFrames):
            return "\(file): (7FE0,0010) PixelData at byte \(offset): truncated pixel data: the header declares "
                + "\(expectedFrames) frame(s), only \(availableFrames) are present. The file was cut short."
        case .colourNotSupported(let file, let photometric, let samples):
            return
                "\(file): (0028,0004) PhotometricInterpretation is \(photometric) with \(samples) sample(s) per pixel: "
                + "not a colour model the standard defines for that many samples; Lucid decodes MONOCHROME1, "
                + "MONOCHROME2 and PALETTE COLOR with 1 sample, RGB, YBR_FULL, YBR_FULL_422, YBR_PARTIAL_422, "
                + "YBR_PARTIAL_420, YBR_ICT and YBR_RCT with 3."
        case .notGrayscale(let file, let photometric):
            return "\(file): (0028,0004) PhotometricInterpretation is \(photometric): a colour image, where a "
                + "grayscale frame was needed."
        case .unsupportedPixelFormat(let file, let tag, let reason):
            return "\(file): \(tag.described): unsupported pixel format: \(reason)."
        case .frameOutOfRange(let file, let frame, let frameCount):
            return "\(file): frame \(frame) does not exist; the image has \(frameCount) frame(s), numbered from 1."
        case .codec(let file, let transferSyntax, let frame, let reason):
            return "\(file): (7FE0,0010) PixelData frame \(frame) (\(transferSyntax)) does not decode: \(reason)."
        }
    }
}
