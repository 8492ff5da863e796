import CLibCrypto
import Foundation
import LucidDICOM

/// Keyed, repeatable pseudonyms: every one is derived from HMAC-SHA-256 (RFC 2104, FIPS 198-1) of
/// the original value with the department's key, so the same key gives the same pseudonym on every
/// run and machine, and without the key a pseudonym cannot be traced back nor predicted. Each kind
/// of value is hashed under its own label (`uid`, `patient-id`, `day-offset`), so equal texts of
/// different kinds never share a pseudonym.
public struct Pseudonymizer: Sendable {
    let key: [UInt8]

    /// - Parameter key: the secret, at least `KeyFile.minimumLength` bytes (checked by `KeyFile`).
    public init(key: [UInt8]) {
        self.key = key
    }

    /// `2.25.<integer>` (PS3.5 §B.2): the first 16 bytes of the HMAC of the original UID as a UUID,
    /// with the version set to 8 and the RFC 9562 variant bits (RFC 9562 §5.8). Every UID attribute
    /// the profile replaces goes through this one function, so references stay consistent.
    public func uid(for original: String) -> String {
        DICOMUID.fromDigest(mac(label: "uid", original))
    }

    /// The pseudonymous Patient ID: `ANON-` and 16 base32 characters (RFC 4648 alphabet) of the
    /// first 80 bits of the HMAC of the original ID; 21 characters, within LO's 64.
    public func patientID(for original: String) -> String {
        "ANON-" + Self.base32(Array(mac(label: "patient-id", original).prefix(10)))
    }

    /// The pseudonymous Patient's Name: `ANON^` and the same 16 characters as the Patient ID, so a
    /// reader sees which pseudonymous patient an image belongs to.
    public func patientName(forPatientID original: String) -> String {
        "ANON^" + patientID(for: original).dropFirst(5)
    }

    /// The name that stands for an input path where the path must not appear (the run manifest and
    /// report of `lucid process --deidentify`): `input-` and 16 base32 characters of the HMAC of the
    /// path's UTF-8 bytes, so the same key names the same path the same way.
    public func inputName(forPath path: String) -> String {
        "input-" + Self.base32(Array(mac(label: "input-path", path).prefix(10)))
    }

    /// The whole-day shift of a patient's dates (Retain Longitudinal Temporal Information with
    /// Modified Dates, PS3.15 E.3.6): from 1 to 3650 days into the past, from the key and the
    /// original Patient ID, so every study of one patient moves by the same amount.
    public func dayOffset(forPatientID original: String) -> Int {
        let bytes = mac(label: "day-offset", original)
        let value = bytes.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return -(1 + Int(value % 3650))
    }

    /// HMAC-SHA-256 of `label`, a NUL and the UTF-8 bytes of `text`.
    func mac(label: String, _ text: String) -> [UInt8] {
        hmac(Array(label.utf8) + [0] + Array(text.utf8))
    }

    /// HMAC-SHA-256 of `message` with the key: 32 bytes.
    func hmac(_ message: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let succeeded = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                HMAC(
                    EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                    messageBytes.bindMemory(to: UInt8.self).baseAddress, messageBytes.count, &digest, &length) != nil
            }
        }
        precondition(succeeded && length == 32, "HMAC-SHA-256 failed: libcrypto could not allocate its context")
        return Array(digest.prefix(32))
    }

    /// RFC 4648 base32 without padding, for a byte count that is a multiple of 5.
    static func base32(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var text = ""
        var buffer: UInt64 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt64(byte)
            bits += 8
            while bits >= 5 {
                text.append(alphabet[Int((buffer >> UInt64(bits - 5)) & 0x1F)])
                bits -= 5
            }
        }
        return text
    }
}
