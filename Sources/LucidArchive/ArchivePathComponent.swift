/// Turns header values into one safe folder name of the archive, so that no value can name a
/// folder outside it (`..`, `/`, absolute paths) or hide (leading dots), and two different values
/// (or tuples of values) never share a folder.
///
/// A folder name is made from one value (the patient folder: Patient ID) or several (the study
/// folder: Study Date and Study Instance UID; the series folder: Series Number, Modality and
/// Series Instance UID), joined by `_`. Each value:
/// - has leading and trailing spaces and NULs (DICOM padding) trimmed; an empty or missing value
///   becomes `UNKNOWN`;
/// - has every byte other than ASCII letters, digits and `. - _ + = , @ ^` replaced by `_` (so `/`,
///   `\`, control characters, spaces and non-ASCII text cannot pass), runs of dots collapsed to one
///   and leading dots removed.
///
/// A value is *plain* when that changed nothing and it holds no `_`, is not the literal `UNKNOWN`
/// and is not 32 lowercase hex digits. When every value is plain and the joined name fits in 64
/// bytes, the name is the values joined by `_`: since no plain value holds `_`, the name gives the
/// values back, so two different tuples of plain values never meet. Otherwise the joined name is cut
/// to 31 bytes and `_` plus 32 hex digits (128 bits) of the SHA-256 of the whole tuple (each trimmed
/// value with its length, so `20240101` + `1.2.3_5` and `20240101_1.2.3` + `5` differ) is appended.
/// A suffixed name ends in `_` and 32 hex digits, which a plain name cannot, so the two kinds never
/// meet either, and two suffixed names meet only if SHA-256 collides on 128 bits.
public enum ArchivePathComponent {
    public static let maximumLength = 64
    public static let unknown = "UNKNOWN"
    /// Hex digits of the SHA-256 in a suffixed name (128 bits).
    public static let digestDigits = 32

    /// The folder name of one value (the patient folder).
    public static func sanitize(_ value: String?) -> String {
        folderName([value])
    }

    /// The folder name of a tuple of values, in order (see the type's rules).
    public static func folderName(_ values: [String?]) -> String {
        let trimmedValues = values.map { trim($0 ?? "") }
        var plain = true
        var parts: [[UInt8]] = []
        for value in trimmedValues {
            let (part, isPlain) = sanitizedPart(value)
            parts.append(part)
            plain = plain && isPlain
        }
        let joined = Array(parts.joined(separator: [UInt8(ascii: "_")]))
        if plain && joined.count <= maximumLength { return String(decoding: joined, as: UTF8.self) }
        var identity = ""
        for value in trimmedValues { identity += "\(value.utf8.count):\(value);" }
        let digest = String(SHA256Digest.hexString(SHA256Digest.bytes(of: identity)).prefix(digestDigits))
        let kept = joined.prefix(maximumLength - digestDigits - 1)
        return String(decoding: kept, as: UTF8.self) + "_" + digest
    }

    /// One value's safe bytes, and whether the value is plain (kept as it was, with no `_`).
    private static func sanitizedPart(_ trimmed: String) -> ([UInt8], Bool) {
        guard !trimmed.isEmpty else { return (Array(unknown.utf8), true) }
        var output: [UInt8] = []
        for byte in trimmed.utf8 {
            let replacement = isAllowed(byte) ? byte : UInt8(ascii: "_")
            if replacement == UInt8(ascii: "."), output.isEmpty || output.last == UInt8(ascii: ".") { continue }
            output.append(replacement)
        }
        if output.isEmpty { return (Array(unknown.utf8), false) }
        let plain =
            output == Array(trimmed.utf8) && !output.contains(UInt8(ascii: "_")) && trimmed != unknown
            && !looksLikeDigest(output)
        return (output, plain)
    }

    /// Whether `name` is exactly a digest suffix's digits, which a plain value must not be.
    private static func looksLikeDigest(_ name: [UInt8]) -> Bool {
        name.count == digestDigits && name.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array(".-_+=,@^".utf8).contains(byte)
        }
    }

    private static func trim(_ text: String) -> String {
        var scalars = Substring(text)
        while scalars.first == " " || scalars.first == "\0" { scalars = scalars.dropFirst() }
        while scalars.last == " " || scalars.last == "\0" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
