import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a text stream one line at a time, without reading ahead more than the C library's buffer:
/// the paths of `--files-from FILE` or `--files-from -` (standard input) arrive as they are written.
/// Empty lines are skipped and a trailing carriage return is removed.
public final class LineReader: IteratorProtocol {
    private var stream: UnsafeMutablePointer<FILE>?
    private let ownsStream: Bool

    /// Opens `path` for reading, or standard input when `path` is `-`.
    public init(path: String) throws(ProcessInputError) {
        if path == "-" {
            stream = fdopen(STDIN_FILENO, "r")
            ownsStream = true
        } else {
            guard let opened = fopen(path, "r") else {
                throw ProcessInputError(path: path, reason: String(cString: strerror(errno)))
            }
            stream = opened
            ownsStream = true
        }
    }

    deinit {
        if ownsStream, let stream { fclose(stream) }
    }

    /// The next non-empty line, or nil at the end of the stream.
    public func next() -> String? {
        guard let stream else { return nil }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        while true {
            let count = getline(&buffer, &capacity, stream)
            guard count >= 0, let buffer else {
                if ownsStream { fclose(stream) }
                self.stream = nil
                return nil
            }
            var line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: count), as: UTF8.self)
            while line.last?.isNewline == true { line.removeLast() }
            if !line.isEmpty { return line }
        }
    }
}

/// An input list (`--files-from`) that cannot be opened.
public struct ProcessInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot read the list of files \(path): \(reason)" }
}
