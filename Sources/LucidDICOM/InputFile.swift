import LucidFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input opened for reading: a regular file or, when asked for, whatever a user named.
///
/// The path is a `FileSystemName` string, so a name that is not UTF-8 opens under its own bytes.
/// With `regularFilesOnly` (the batch's inputs) it is opened with `O_RDONLY | O_NONBLOCK |
/// O_CLOEXEC`: a FIFO or a device put in a file's place after it was listed cannot block the
/// opening. The descriptor is then asked what it is (`fstat`); anything but a regular file is
/// refused, and only then is `O_NONBLOCK` cleared and the file read from that same descriptor, so
/// what was checked is what is read. Without it (a path named on the command line of `info` or
/// `render`, which may be `/dev/stdin` or a process substitution's pipe) only folders are refused
/// and the opening waits for a FIFO's writer as `cat` does. The descriptor is closed when the value
/// goes away.
public final class InputFile {
    /// The path as given.
    public let path: String
    /// The file's size when it was opened, bytes; 0 for anything but a regular file.
    public let size: Int
    /// True for a regular file; false for a pipe or device named with `regularFilesOnly: false`.
    public let isRegularFile: Bool
    private let descriptor: Int32

    /// Opens `path`; `regularFilesOnly` (default true) refuses anything but a regular file.
    /// - Throws: `InputFileError.notRegularFile` for a FIFO, device, socket or folder (only a
    ///   folder without `regularFilesOnly`); `.cannotOpen` when the system refuses (missing,
    ///   permission denied).
    public init(path: String, regularFilesOnly: Bool = true) throws(InputFileError) {
        let flags = O_RDONLY | O_CLOEXEC | (regularFilesOnly ? O_NONBLOCK : 0)
        let descriptor = FileSystemName.withCPath(path) { open($0, flags) }
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: Self.describe(errno)) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw .cannotOpen(path: path, reason: Self.describe(code))
        }
        let isRegularFile = info.st_mode & S_IFMT == S_IFREG
        guard isRegularFile || (!regularFilesOnly && info.st_mode & S_IFMT != S_IFDIR) else {
            close(descriptor)
            throw .notRegularFile(path: path, kind: FileSystemPath.kind(ofMode: info.st_mode))
        }
        let current = fcntl(descriptor, F_GETFL)
        guard current >= 0, fcntl(descriptor, F_SETFL, current & ~O_NONBLOCK) == 0 else {
            let code = errno
            close(descriptor)
            throw .cannotOpen(path: path, reason: Self.describe(code))
        }
        self.path = path
        self.size = isRegularFile ? Int(info.st_size) : 0
        self.isRegularFile = isRegularFile
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Reads the next `count` bytes, or fewer at the end of the file.
    /// - Throws: `InputFileError.readFailed` on an I/O error.
    public func read(upTo count: Int) throws(InputFileError) -> [UInt8] {
        try read(after: [], upTo: count)
    }

    /// `head` followed by the next `count` bytes (fewer at the end of the file), read straight into
    /// the one array returned.
    /// - Throws: `InputFileError.readFailed` on an I/O error.
    public func read(after head: [UInt8], upTo count: Int) throws(InputFileError) -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: head.count + max(0, count)) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            head.withUnsafeBufferPointer { source in
                if let start = source.baseAddress { base.update(from: start, count: source.count) }
            }
            initialized = head.count
            while initialized < buffer.count {
                let got = systemRead(descriptor, base + initialized, buffer.count - initialized)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failure = errno }
                if got <= 0 { break }
                initialized += got
            }
        }
        if failure != 0 { throw .readFailed(path: path, reason: Self.describe(failure)) }
        return bytes
    }

    static func describe(_ code: Int32) -> String {
        code == ENOENT ? "no such file or directory" : strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}

/// Why an input could not be opened or read.
public enum InputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The system refused to open the path (missing, permission denied...).
    case cannotOpen(path: String, reason: String)
    /// The path names something other than a regular file; `kind` says what ("a FIFO").
    case notRegularFile(path: String, kind: String)
    /// Reading failed part way (an I/O error).
    case readFailed(path: String, reason: String)

    /// The reason alone, without the path: "not a regular file (a FIFO)".
    public var reason: String {
        switch self {
        case .cannotOpen(_, let reason), .readFailed(_, let reason): return reason
        case .notRegularFile(_, let kind): return "not a regular file (\(kind))"
        }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, _), .notRegularFile(let path, _), .readFailed(let path, _):
            return "\(path): \(reason)"
        }
    }
}

/// POSIX `read(2)`, named apart from `InputFile.read(upTo:)`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
