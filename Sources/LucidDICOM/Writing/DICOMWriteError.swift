/// Everything that can stop Lucid from encoding a data set or building a derived image. Each case
/// names the attribute (tag and keyword when known) and the offending value or size.
public enum DICOMWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A value is longer than its VR allows (PS3.5 §6.2, Table 6.2-1).
    case valueTooLong(tag: DICOMTag, vr: ValueRepresentation, value: String, length: Int, maximum: Int)
    /// A whole element value does not fit the 16-bit or 32-bit length field of its header (PS3.5 §7.1.2).
    case elementTooLong(tag: DICOMTag, vr: ValueRepresentation, length: Int, maximum: Int)
    /// A UID is empty, longer than 64 characters, or not dotted decimal without leading zeros (PS3.5 §9.1).
    case invalidUID(tag: DICOMTag?, uid: String, reason: String)
    /// A value holds characters its VR forbids (a `\` in a single-valued text VR, lower case in CS, ...).
    case invalidCharacters(tag: DICOMTag, vr: ValueRepresentation, value: String, reason: String)
    /// The value's Swift type does not fit the VR (a string list for US, numbers for PN, ...).
    case valueDoesNotFitVR(tag: DICOMTag, vr: ValueRepresentation, valueKind: String)
    /// A number cannot be written in the VR (not finite, or too long for DS/IS).
    case invalidNumber(tag: DICOMTag, vr: ValueRepresentation, value: Double)
    /// The image does not fit a single-frame 16-bit DICOM image (Rows/Columns are at most 65535 and
    /// Pixel Data at most 2^32 - 2 bytes).
    case imageTooLarge(width: Int, height: Int, reason: String)
    /// The processed image does not match the source or its own encoding.
    case imageMismatch(reason: String)
    /// The source frame does not exist.
    case frameOutOfRange(frame: Int, frameCount: Int)
    /// A text value cannot be written in the data set's character set.
    case characterSetConflict(tag: DICOMTag, characterSet: String, reason: String)
    /// The window cannot be written: its width is invalid for its function (PS3.3 C.11.2.1.2).
    case invalidWindow(center: Double, width: Double, function: String)
    /// An element of the source cannot be carried over to the derived image.
    case cannotCopy(tag: DICOMTag, reason: String)
    /// The processed pixels cannot be compressed in the derived image's transfer syntax.
    case pixelDataDoesNotEncode(syntax: String, reason: String)

    public var description: String {
        switch self {
        case .valueTooLong(let tag, let vr, let value, let length, let maximum):
            return "\(tag.described) \(vr.rawValue): value '\(Self.preview(value))' is \(length) bytes; "
                + "\(vr.rawValue) allows at most \(maximum) (PS3.5 Table 6.2-1)."
        case .elementTooLong(let tag, let vr, let length, let maximum):
            return "\(tag.described) \(vr.rawValue): the value is \(length) bytes; its length field holds at most "
                + "\(maximum)."
        case .invalidUID(let tag, let uid, let reason):
            let place = tag.map { "\($0.described): " } ?? ""
            return "\(place)invalid UID '\(Self.preview(uid))': \(reason) (PS3.5 §9.1)."
        case .invalidCharacters(let tag, let vr, let value, let reason):
            return "\(tag.described) \(vr.rawValue): value '\(Self.preview(value))' is not allowed: \(reason)."
        case .valueDoesNotFitVR(let tag, let vr, let valueKind):
            return "\(tag.described): a value of \(valueKind) cannot be written with VR \(vr.rawValue)."
        case .invalidNumber(let tag, let vr, let value):
            return "\(tag.described) \(vr.rawValue): the number \(value) cannot be written in this VR."
        case .imageTooLarge(let width, let height, let reason):
            return "image of \(width) x \(height) pixels is too large for a DICOM image: \(reason)."
        case .imageMismatch(let reason):
            return "the processed image does not fit the source: \(reason)."
        case .frameOutOfRange(let frame, let frameCount):
            return "frame \(frame) does not exist; the source has \(frameCount) frame(s), numbered from 1."
        case .characterSetConflict(let tag, let characterSet, let reason):
            return "\(tag.described): cannot be written with Specific Character Set '\(characterSet)': \(reason)."
        case .invalidWindow(let center, let width, let function):
            return "window center \(center), width \(width) is not valid for VOI LUT Function \(function) "
                + "(LINEAR needs width >= 1, LINEAR_EXACT and SIGMOID width > 0; PS3.3 C.11.2.1.2)."
        case .cannotCopy(let tag, let reason):
            return "\(tag.described): cannot be copied from the source: \(reason)."
        case .pixelDataDoesNotEncode(let syntax, let reason):
            return "the processed pixels cannot be written as \(syntax): \(reason)."
        }
    }

    /// The first 80 characters of a value, for messages.
    static func preview(_ value: String) -> String {
        value.count <= 80 ? value : String(value.prefix(80)) + "..."
    }
}
