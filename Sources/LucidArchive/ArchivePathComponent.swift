/// Turns a header value into one safe folder name of the archive, so that no value can name a
/// folder outside it (`..`, `/`, absolute paths) or hide (leading dots).
///
/// Rules, in order:
/// - leading and trailing spaces (DICOM padding) are trimmed; an empty or missing value becomes `UNKNOWN`;
/// - every byte other than ASCII letters, digits and `. - _ + = , @ ^` becomes `_` (so `/`, `\`,
///   control characters, spaces and non-ASCII text are replaced);
/// - runs of dots collapse to one dot and leading dots are removed;
/// - when anything was replaced or removed, or the value itself ends like that suffix (`_` and 8
///   lowercase hex digits, e.g. a value copied from another value's folder name), `_` and the
///   first 8 hex digits of the SHA-256 of the original value are appended, so two different values
///   never share a folder (short of a collision of those 32 bits);
/// - the result is at most 64 bytes: a longer one is cut to 55 bytes and gets that hash suffix.
public enum ArchivePathComponent {
    public static let maximumLength = 64
    public static let unknown = "UNKNOWN"

    public static func sanitize(_ value: String?) -> String {
        let trimmed = trim(value ?? "")
        guard !trimmed.isEmpty else { return unknown }
        var output: [UInt8] = []
        for byte in trimmed.utf8 {
            let allowed = isAllowed(byte)
            let replacement = allowed ? byte : UInt8(ascii: "_")
            if replacement == UInt8(ascii: "."), output.isEmpty || output.last == UInt8(ascii: ".") { continue }
            output.append(replacement)
        }
        if output.isEmpty { output = Array(unknown.utf8) }
        guard output != Array(trimmed.utf8) || output.count > maximumLength || endsLikeHashSuffix(output) else {
            return String(decoding: output, as: UTF8.self)
        }
        let suffix = "_" + String(SHA256Digest.hexString(SHA256Digest.bytes(of: trimmed)).prefix(8))
        let kept = output.prefix(maximumLength - suffix.utf8.count)
        return String(decoding: kept, as: UTF8.self) + suffix
    }

    /// Whether `name` ends in `_` and 8 lowercase hex digits, the shape of the suffix `sanitize`
    /// appends: such a value, kept as it is, could take the folder of the value it imitates.
    private static func endsLikeHashSuffix(_ name: [UInt8]) -> Bool {
        guard name.count >= 9 else { return false }
        let tail = name.suffix(9)
        return tail.first == UInt8(ascii: "_")
            && tail.dropFirst().allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
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
