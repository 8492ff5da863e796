import LucidDICOM

/// Why a key could not be used or a file was not de-identified. Every case names the file.
public enum DeidentifyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key file cannot be read.
    case keyUnreadable(path: String, reason: String)
    /// The key file may be read or written by group or others (like ssh, Lucid refuses it).
    case keyTooOpen(path: String, permissions: UInt32)
    /// The key is shorter than `KeyFile.minimumLength` bytes.
    case keyTooShort(path: String, length: Int)
    /// The file is not a DICOM file Lucid reads.
    case unreadable(file: String, reason: String)
    /// Burned In Annotation (0028,0301) is YES: text is drawn into the pixels.
    case burnedInAnnotation(file: String)
    /// Burned In Annotation is absent on a modality that typically burns text into its pixels.
    case burnedInUnknown(file: String, modality: String)
    /// The de-identified data set cannot be written.
    case cannotWrite(file: String, reason: String)

    public var description: String {
        switch self {
        case .keyUnreadable(let path, let reason):
            return "cannot read the key file \(path): \(reason)"
        case .keyTooOpen(let path, let permissions):
            let octal = String(permissions, radix: 8)
            return
                "permissions \(String(repeating: "0", count: max(0, 4 - octal.count)) + octal) for '\(path)' are too open: "
                + "the key must be readable by its owner only (chmod 600 \(path))"
        case .keyTooShort(let path, let length):
            return "the key in \(path) is \(length) bytes; at least \(KeyFile.minimumLength) are needed "
                + "(head -c 32 /dev/urandom > KEY)"
        case .unreadable(let file, let reason):
            return "\(file): \(reason)"
        case .burnedInAnnotation(let file):
            return "\(file): held back: Burned In Annotation (0028,0301) is YES, so identifying text may be "
                + "drawn into the pixels; --allow-burned-in writes it anyway"
        case .burnedInUnknown(let file, let modality):
            return "\(file): held back: modality \(modality) often has text burned into the pixels and Burned In "
                + "Annotation (0028,0301) is absent; --assume-no-burned-in writes it anyway"
        case .cannotWrite(let file, let reason):
            return "\(file): cannot write the de-identified file: \(reason)"
        }
    }
}
