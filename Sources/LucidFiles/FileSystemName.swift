/// File names and paths as the file system holds them, bytes, carried in a `String`.
///
/// A POSIX path is a string of bytes, not of characters: a folder copied from an old Windows share
/// may hold `latin\xe9.dcm`, which is not UTF-8. Such a path is carried through Lucid in a `String`
/// by a reversible escape (like Python's `surrogateescape`, with Private Use Area scalars):
///
/// - a byte 0x80...0xFF that is not part of a valid UTF-8 sequence becomes the scalar U+F700 + byte
///   (U+F780...U+F7FF);
/// - a valid UTF-8 sequence that decodes to U+F780...U+F7FF is itself escaped byte by byte, so no
///   two byte strings give the same `String`;
/// - everything else is the UTF-8 it decodes to, so a valid UTF-8 name is unchanged.
///
/// `string(_:)` and `bytes(_:)` are inverse: bytes -> String -> bytes is the identity for every
/// byte string. Every system call on such a path takes its C string from `withCPath(_:_:)`, which
/// hands over the original bytes. `displayed(_:)` shows each escaped byte as `\xe9` (two lowercase
/// hex digits) for people and logs.
public enum FileSystemName {
    /// The scalars that stand for single bytes: U+F780...U+F7FF for the bytes 0x80...0xFF.
    public static let escapedRange: ClosedRange<UInt32> = 0xF780...0xF7FF

    /// The byte an escape scalar stands for, or nil for any other scalar.
    @inlinable
    public static func escapedByte(_ scalar: Unicode.Scalar) -> UInt8? {
        escapedRange.contains(scalar.value) ? UInt8(truncatingIfNeeded: scalar.value - 0xF700) : nil
    }

    /// `bytes` as a `String`: valid UTF-8 decoded, every other byte (and every byte of a UTF-8
    /// sequence for U+F780...U+F7FF) escaped as U+F700 + byte.
    public static func string(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                scalars.append(Unicode.Scalar(lead))
                index += 1
                continue
            }
            if let (scalar, length) = decodeSequence(bytes, at: index), !escapedRange.contains(scalar.value) {
                scalars.append(scalar)
                index += length
                continue
            }
            let count = decodeSequence(bytes, at: index)?.length ?? 1
            for byte in bytes[index..<index + count] {
                scalars.append(Unicode.Scalar(0xF700 + UInt32(byte)) ?? "\u{FFFD}")
            }
            index += count
        }
        return String(scalars)
    }

    /// The bytes `string` stands for: each escape scalar as its byte, everything else as UTF-8.
    public static func bytes(_ string: String) -> [UInt8] {
        guard needsEscapes(string) else { return Array(string.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            if let byte = escapedByte(scalar) {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// Calls `body` with the NUL-terminated bytes `path` stands for, for a system call.
    public static func withCPath<Result>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows
        -> Result
    {
        guard needsEscapes(path) else { return try path.withCString(body) }
        let terminated = bytes(path).map { CChar(bitPattern: $0) } + [0]
        return try terminated.withUnsafeBufferPointer { buffer in
            // Never taken: an array holding the terminating NUL has a base address.
            guard let base = buffer.baseAddress else { return try "".withCString(body) }
            return try body(base)
        }
    }

    /// `string` for people: every escaped byte shown as `\x` and two lowercase hex digits
    /// (`latin\xe9.dcm`); everything else unchanged.
    public static func displayed(_ string: String) -> String {
        guard needsEscapes(string) else { return string }
        var shown = ""
        for scalar in string.unicodeScalars {
            if let byte = escapedByte(scalar) {
                shown += "\\x" + hex(byte)
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// Two lowercase hex digits.
    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return byte < 0x10 ? "0" + digits : digits
    }

    /// True when `string` holds an escape scalar (a quick test on its UTF-8: every escape starts
    /// with the byte 0xEF).
    static func needsEscapes(_ string: String) -> Bool {
        string.utf8.contains(0xEF) && string.unicodeScalars.contains { escapedRange.contains($0.value) }
    }

    /// The scalar a well-formed UTF-8 sequence at `index` encodes and its length (RFC 3629: no
    /// overlong forms, no surrogates, nothing above U+10FFFF), or nil.
    static func decodeSequence(_ bytes: [UInt8], at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        let lead = bytes[index]
        let length: Int
        let lowest: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: (length, lowest, value) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, lowest, value) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, lowest, value) = (4, 0x10000, UInt32(lead & 0x07))
        default: return nil
        }
        guard bytes.count - index >= length else { return nil }
        for byte in bytes[index + 1..<index + length] {
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= lowest, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
