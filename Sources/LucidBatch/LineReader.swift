import LucidFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the paths of `--files-from FILE` (or `--files-from -`, standard input) one line at a time,
/// as bytes: a line is a path's bytes, so a name that is not UTF-8 comes through (as a
/// `FileSystemName` string). Lines are taken as they are written: `read(2)` returns what is there,
/// nothing waits for a full buffer. Empty lines are skipped and a trailing carriage return is removed.
///
/// A line is at most `maximumLineBytes` bytes (64 KiB). No path is that long (`PATH_MAX` is 4096
/// bytes on Linux, 1024 on macOS), so a longer line is not a path: it is reported as refused,
/// naming its line number, and skipped up to the next newline without being held. A line holding a
/// NUL byte is refused too: no path contains one, and cutting the line there would name another file.
/// A list that cannot be read to its end (an I/O error) gives one refused line saying so. A reader
/// waiting for its next line (standard input) can be stopped from another thread (`canceller`).
public final class LineReader: IteratorProtocol {
    /// What one line gave.
    public enum Line: Sendable, Equatable {
        case path(String)
        /// A line that is not a path, by number from 1, and why.
        case refused(number: Int, reason: String)
    }

    /// Stops a reader waiting for its next line (`--files-from -` on SIGINT): the reader then ends
    /// as at the end of its stream. Safe from any thread.
    public struct Canceller: Sendable {
        fileprivate let pipe: WakePipe?
        public func cancel() { pipe?.wake() }
    }

    /// The longest line taken as a path, bytes (64 KiB): 16 times Linux's `PATH_MAX`.
    public static let maximumLineBytes = 64 << 10

    /// The list as given (`-` for standard input).
    public let source: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let maximumLineBytes: Int
    /// What the last `read(2)` returned, and how much of it is consumed.
    private var chunk = [UInt8](repeating: 0, count: 64 << 10)
    private var chunkStart = 0
    private var chunkEnd = 0
    private var atEnd = false
    private let wakePipe = WakePipe()
    /// The `errno` of a failed `read(2)`, reported once as a refused line, then the end.
    private var readError: Int32?
    private var lineNumber = 0

    /// Opens `path` for reading, or standard input when `path` is `-`. `maximumLineBytes` is for tests.
    public init(path: String, maximumLineBytes: Int = LineReader.maximumLineBytes) throws(ProcessInputError) {
        source = path
        self.maximumLineBytes = maximumLineBytes
        if path == "-" {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
        } else {
            descriptor = FileSystemName.withCPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
            guard descriptor >= 0 else {
                throw ProcessInputError(path: path, reason: String(cString: strerror(errno)))
            }
            ownsDescriptor = true
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// What stops this reader from another thread.
    public var canceller: Canceller { Canceller(pipe: wakePipe) }

    /// The next non-empty line, or nil at the end of the stream.
    public func next() -> Line? {
        while let (bytes, overlong) = nextRawLine() {
            lineNumber += 1
            if overlong {
                return .refused(
                    number: lineNumber,
                    reason: "line \(lineNumber) is longer than \(maximumLineBytes) bytes, so it is not a path")
            }
            var line = bytes[...]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.contains(0) {
                return .refused(number: lineNumber, reason: "line \(lineNumber) holds a NUL byte, so it is not a path")
            }
            if !line.isEmpty { return .path(FileSystemName.string(line)) }
        }
        if let code = readError {
            readError = nil
            let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
            return .refused(
                number: lineNumber + 1, reason: "the list cannot be read past line \(lineNumber): \(reason)")
        }
        return nil
    }

    /// The next line's bytes without its newline, or `overlong` (with no bytes) for a line longer
    /// than the cap, whose bytes are dropped as they are read; nil at the end. A last line without
    /// a newline counts.
    private func nextRawLine() -> (bytes: [UInt8], overlong: Bool)? {
        var line: [UInt8] = []
        var overlong = false
        while true {
            if chunkStart == chunkEnd && !refill() {
                return line.isEmpty && !overlong ? nil : (line, overlong)
            }
            let newline = newlineIndex()
            let end = newline ?? chunkEnd
            if !overlong {
                if line.count + (end - chunkStart) > maximumLineBytes {
                    overlong = true
                    line = []
                } else {
                    line.append(contentsOf: chunk[chunkStart..<end])
                }
            }
            chunkStart = end
            if newline != nil {
                chunkStart += 1
                return (line, overlong)
            }
        }
    }

    /// The index of the first newline in the unconsumed part of `chunk`, found with `memchr`.
    private func newlineIndex() -> Int? {
        chunk.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                let found = memchr(base + chunkStart, Int32(UInt8(ascii: "\n")), chunkEnd - chunkStart)
            else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }

    /// Reads what the stream has, up to 64 KiB, into `chunk`, waiting for it in `poll` so that a
    /// cancel ends the wait; false at its end, on an error or once cancelled.
    private func refill() -> Bool {
        guard !atEnd else { return false }
        if let wakePipe, !wakePipe.waitReadable(descriptor) {
            atEnd = true
            return false
        }
        var got = -1
        repeat {
            got = chunk.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
        } while got < 0 && errno == EINTR
        if got < 0 { readError = errno }
        chunkStart = 0
        chunkEnd = max(0, got)
        atEnd = got <= 0
        return got > 0
    }
}

/// An input list (`--files-from`) that cannot be opened.
public struct ProcessInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot read the list of files \(path): \(reason)" }
}
