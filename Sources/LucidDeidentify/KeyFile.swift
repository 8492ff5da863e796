#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

/// The de-identification key, read from a file (never from the command line, where other users
/// and shell histories see it). Like ssh with a private key, a file that group or others may read
/// or write is refused.
public enum KeyFile {
    /// The shortest key accepted, bytes: the 256 bits of HMAC-SHA-256's output (RFC 2104 §3).
    public static let minimumLength = 32
    /// The longest key read, bytes.
    public static let maximumLength = 4096

    /// The key's bytes, as stored (a trailing newline included).
    public static func read(_ path: String) throws(DeidentifyError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .keyUnreadable(path: path, reason: errnoText()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .keyUnreadable(path: path, reason: errnoText()) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .keyUnreadable(path: path, reason: "not a regular file") }
        let permissions = UInt32(status.st_mode & 0o7777)
        guard permissions & 0o077 == 0 else { throw .keyTooOpen(path: path, permissions: permissions) }
        var key: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while key.count <= maximumLength {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .keyUnreadable(path: path, reason: errnoText())
            }
            if count == 0 { break }
            key += buffer.prefix(count)
        }
        guard key.count <= maximumLength else {
            throw .keyUnreadable(path: path, reason: "more than \(maximumLength) bytes")
        }
        guard key.count >= minimumLength else { throw .keyTooShort(path: path, length: key.count) }
        return key
    }

    static func errnoText() -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text)
    }
}
