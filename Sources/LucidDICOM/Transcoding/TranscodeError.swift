import LucidCodecs

/// Why a file could not be transcoded. Every case names the file (the label given for standard
/// input) and, where one frame is at fault, its number counted from 1.
public enum TranscodeError: Error, Sendable, CustomStringConvertible {
    /// The file, or its Image Pixel attributes, could not be read.
    case unreadable(DICOMError)
    /// Frame `frame` does not decode.
    case frameDoesNotDecode(file: String, frame: Int, cause: DICOMError)
    /// The decoded frame `frame` could not be compressed.
    case frameDoesNotEncode(file: String, frame: Int, target: TargetSyntax, cause: CodecError)
    /// The image cannot be written in the target syntax (float or 1-bit data compressed, more
    /// than 16 bits per sample, an encoder this build lacks, nested encapsulated pixel data).
    case unsupported(file: String, target: TargetSyntax, reason: String)
    /// The output cannot hold the image (a fragment or value above 2^32 - 2 bytes).
    case tooLarge(file: String, reason: String)
    /// An attribute of the source cannot be written (a missing SOP Instance UID, for example).
    case cannotWrite(file: String, cause: DICOMWriteError)

    public var description: String {
        switch self {
        case .unreadable(let error):
            return error.description
        case .frameDoesNotDecode(let file, let frame, let cause):
            return "\(file): frame \(frame) does not decode, so the file cannot be transcoded: \(cause)"
        case .frameDoesNotEncode(let file, let frame, let target, let cause):
            return "\(file): frame \(frame) cannot be encoded as \(target): \(cause)"
        case .unsupported(let file, let target, let reason):
            return "\(file): cannot transcode to \(target): \(reason)."
        case .tooLarge(let file, let reason):
            return "\(file): the transcoded file would be too large: \(reason)."
        case .cannotWrite(let file, let cause):
            return "\(file): cannot write the transcoded data set: \(cause)"
        }
    }
}
