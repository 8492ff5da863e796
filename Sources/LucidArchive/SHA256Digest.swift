import CLibCrypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SHA-256 (FIPS 180-4) through OpenSSL's libcrypto EVP interface, as 64 lower-case hex digits.
/// Files are hashed in 1 MiB chunks, so a file of any size needs constant memory.
public enum SHA256Digest {
    static let chunkSize = 1 << 20

    /// The digest of bytes in memory.
    public static func hex(_ bytes: [UInt8]) -> String {
        // EVP_Digest fails only on allocation failure; the streaming path reports that as an error.
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let succeeded = bytes.withUnsafeBytes { buffer in
            EVP_Digest(buffer.baseAddress, buffer.count, &digest, &length, EVP_sha256(), nil) == 1
        }
        precondition(succeeded, "EVP_Digest(SHA-256) failed: libcrypto could not allocate its context")
        return hexString(digest.prefix(Int(length)))
    }

    /// The digest of the file at `path`, read in chunks.
    /// - Throws: `ArchiveError.unreadable` when the file cannot be opened or read.
    public static func hex(fileAt path: String) throws(ArchiveError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: errnoText()) }
        defer { close(descriptor) }
        return try hex(descriptor: descriptor, path: path)
    }

    /// The digest of what is left to read from the open `descriptor` (which stays open), read in
    /// chunks; `path` names it in errors.
    static func hex(descriptor: Int32, path: String) throws(ArchiveError) -> String {
        guard let context = EVP_MD_CTX_new() else { throw .digest(path: path, reason: "EVP_MD_CTX_new failed") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            throw .digest(path: path, reason: "EVP_DigestInit_ex failed")
        }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: errnoText())
            }
            if count == 0 { break }
            let updated = buffer.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, count) }
            guard updated == 1 else { throw .digest(path: path, reason: "EVP_DigestUpdate failed") }
        }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1 else {
            throw .digest(path: path, reason: "EVP_DigestFinal_ex failed")
        }
        return hexString(digest.prefix(Int(length)))
    }

    /// The raw 32-byte digest of `text`'s UTF-8 bytes.
    static func bytes(of text: String) -> [UInt8] {
        let input = Array(text.utf8)
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let succeeded = input.withUnsafeBytes { buffer in
            EVP_Digest(buffer.baseAddress, buffer.count, &digest, &length, EVP_sha256(), nil) == 1
        }
        precondition(succeeded, "EVP_Digest(SHA-256) failed: libcrypto could not allocate its context")
        return Array(digest.prefix(Int(length)))
    }

    static func hexString<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func errnoText() -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text)
    }
}
