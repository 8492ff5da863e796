import Foundation

/// Unique identifiers (PS3.5 §9): validation, and generation under the `2.25` root, where a UID is
/// `2.25.` followed by a UUID written as one unsigned decimal integer (PS3.5 §B.2, ITU-T X.667).
public enum DICOMUID {
    /// Lucid's Implementation Class UID (0002,0012), PS3.7 D.3.3.2: the UUID
    /// a6b1f970-7b67-4588-b822-ad3ec875024f under `2.25`. It stays fixed across versions; the
    /// version is in Implementation Version Name (0002,0013).
    public static let lucidImplementationClassUID = "2.25.221575943075993714188581863424812974671"

    /// Secondary Capture Image Storage, PS3.4 B.5.
    public static let secondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7"

    /// A new UID `2.25.<UUID as decimal>` (at most 44 characters, within the 64 allowed).
    public static func generate() -> String {
        fromUUID(UUID())
    }

    /// `2.25.` and the 128-bit value of `uuid` in decimal, without leading zeros.
    public static func fromUUID(_ uuid: UUID) -> String {
        let bytes = uuid.uuid
        let all = [
            bytes.0, bytes.1, bytes.2, bytes.3, bytes.4, bytes.5, bytes.6, bytes.7,
            bytes.8, bytes.9, bytes.10, bytes.11, bytes.12, bytes.13, bytes.14, bytes.15,
        ]
        let high = all[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let low = all[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return "2.25." + decimal(high: high, low: low)
    }

    /// `2.25.` and a version 8 UUID (RFC 9562 §5.8) made of the first 16 bytes of `digest` (a hash
    /// or MAC of at least 16 bytes), the version and variant bits set: the same digest always gives
    /// the same UID, and different digests collide only as their first 122 bits do.
    public static func fromDigest(_ digest: [UInt8]) -> String {
        precondition(digest.count >= 16, "a UID needs 16 bytes of digest")
        var bytes = Array(digest.prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let high = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let low = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return "2.25." + decimal(high: high, low: low)
    }

    /// The decimal digits of the 128-bit number `high * 2^64 + low`.
    static func decimal(high: UInt64, low: UInt64) -> String {
        if high == 0 { return String(low) }
        // Divide by 10^19 (the largest power of ten below 2^64) until the number fits 64 bits.
        let chunk: UInt64 = 10_000_000_000_000_000_000
        var words = (high, low)
        var chunks: [UInt64] = []
        while words.0 != 0 {
            let quotientHigh = words.0 / chunk
            let remainderHigh = words.0 % chunk
            let (quotientLow, remainder) = chunk.dividingFullWidth((remainderHigh, words.1))
            chunks.append(remainder)
            words = (quotientHigh, quotientLow)
        }
        var text = String(words.1)
        for part in chunks.reversed() {
            let digits = String(part)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }

    /// Why `uid` is not a valid UID, or nil when it is: 1...64 characters, components of digits
    /// separated by single dots, no component with a leading zero (PS3.5 §9.1).
    public static func problem(_ uid: String) -> String? {
        if uid.isEmpty { return "it is empty" }
        if uid.utf8.count > 64 { return "it has \(uid.utf8.count) characters, more than 64" }
        for component in uid.split(separator: ".", omittingEmptySubsequences: false) {
            if component.isEmpty { return "it has an empty component (two dots, or a dot at an end)" }
            if !component.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                return "components hold only digits 0-9"
            }
            if component.count > 1, component.first == "0" { return "component '\(component)' has a leading zero" }
        }
        return nil
    }

    /// Whether `uid` is a valid UID.
    public static func isValid(_ uid: String) -> Bool { problem(uid) == nil }
}
