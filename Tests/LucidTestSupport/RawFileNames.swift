import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files and folders named by raw bytes, made and read with the C library alone (not with the code
/// under test), for the tests of names that are not UTF-8: `latin\xe9.dcm` as an old Windows share
/// writes it.
public enum RawFileNames {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `text`'s UTF-8.
    public static func path(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// UTF-8 text and raw bytes in turn: `RawFileNames.path("/tmp/x/latin", [0xE9], ".dcm")`.
    public static func path(_ head: String, _ bytes: [UInt8], _ tail: String = "") -> [UInt8] {
        Array(head.utf8) + bytes + Array(tail.utf8)
    }

    /// UTF-8 text and raw bytes in turn, twice.
    public static func path(_ head: String, _ bytes: [UInt8], _ middle: String, _ more: [UInt8], _ tail: String)
        -> [UInt8]
    {
        path(head, bytes, middle) + more + Array(tail.utf8)
    }

    /// Creates the folder `path` (its parent must exist).
    public static func makeFolder(_ path: [UInt8]) throws {
        guard withCString(path, { mkdir($0, 0o755) }) == 0 else {
            throw Failure(description: "mkdir \(shown(path)): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `contents` to a new file `path`.
    public static func write(_ contents: [UInt8], to path: [UInt8]) throws {
        let descriptor = withCString(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        guard descriptor >= 0 else {
            throw Failure(description: "open \(shown(path)): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let written = contents.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
        guard written == contents.count else { throw Failure(description: "write \(shown(path)) failed") }
    }

    /// The bytes of the file `path`, or nil when it cannot be read.
    public static func read(_ path: [UInt8]) -> [UInt8]? {
        let descriptor = withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            guard got > 0 else { return got == 0 ? bytes : nil }
            bytes += chunk[0..<got]
        }
    }

    /// True when `path` exists (links followed).
    public static func exists(_ path: [UInt8]) -> Bool {
        var info = stat()
        return withCString(path) { stat($0, &info) } == 0
    }

    /// `path` for messages, with bytes that are not ASCII as `\xe9`.
    public static func shown(_ path: [UInt8]) -> String {
        path.map { $0 < 0x80 ? String(UnicodeScalar($0)) : String(format: "\\x%02x", $0) }.joined()
    }

    private static func withCString<Result>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        let terminated = path.map { CChar(bitPattern: $0) } + [0]
        return terminated.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return "".withCString(body) }
            return body(base)
        }
    }
}

/// POSIX `write(2)`, named apart from `RawFileNames.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// POSIX `read(2)`, named apart from `RawFileNames.read`.
private func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, bytes, count)
}
