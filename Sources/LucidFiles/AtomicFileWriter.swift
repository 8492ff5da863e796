#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why an atomic file write failed; the destination was left untouched.
public struct FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The destination path given to the writer.
    public var path: String
    /// The step that failed, e.g. "create temporary file /out/.a.png.tmp-1f2e...".
    public var operation: String
    /// The system's explanation (from `errno`).
    public var reason: String
    /// The `errno` value, when a system call failed.
    public var code: Int32?

    public init(path: String, operation: String, reason: String, code: Int32? = nil) {
        self.path = path
        self.operation = operation
        self.reason = reason
        self.code = code
    }

    public var description: String {
        "could not write \(path): \(operation) failed: \(reason). Check that the directory "
            + "exists, is writable and has free space."
    }
}

/// Writes files so that readers see either the old content or the complete new content.
///
/// The bytes go to a temporary file `.NAME.tmp-<1 to 16 hex digits>` in the destination's
/// directory, are flushed to disk (`fsync`), and the file is renamed over the destination. On any
/// failure (a full disk, an I/O error, a read-only folder) the temporary file is removed and the
/// destination is unchanged. Only a process killed mid-write (SIGKILL, power loss) can leave a
/// temporary file behind, never a partial file under the destination's name.
public enum AtomicFileWriter {
    /// Writes `bytes` to `path` atomically, creating the file with permissions `permissions`
    /// (default 0o644, reduced by the process umask) or replacing it. `path` is a `FileSystemName`
    /// string: a name that is not UTF-8 is written under its own bytes. `calls` are the system calls
    /// used to fill the temporary file; tests pass failing ones to simulate a full or broken disk.
    ///
    /// With `replacing` false an existing file at `path` is never replaced: the temporary file is
    /// linked to `path` (`link(2)` fails with EEXIST when the name is taken, atomically, also between
    /// machines sharing the folder) and then removed; the error's `code` is then `EEXIST`.
    public static func write(
        _ bytes: [UInt8], to path: String, permissions: mode_t = 0o644, replacing: Bool = true,
        calls: FileSystemCalls = .system
    ) throws(FileWriteError) {
        let (directory, temporary) = try fillTemporary(
            bytes, for: path, permissions: permissions, flush: true, calls: calls)
        var failed: (step: String, code: Int32)?
        if replacing {
            if renamePath(temporary, to: path) != 0 { failed = ("rename \(temporary) to \(path)", errno) }
        } else if linkPath(temporary, to: path) != 0 {
            failed = ("link \(temporary) to \(path)", errno)
        } else {
            FileSystemName.withCPath(temporary) { _ = unlink($0) }
        }
        guard let failed else {
            syncDirectory(directory)
            return
        }
        FileSystemName.withCPath(temporary) { _ = unlink($0) }
        throw FileWriteError(path: path, operation: failed.step, reason: describe(failed.code), code: failed.code)
    }

    /// Creates a temporary file beside `path` (`temporaryName`), writes `bytes` into it, flushes it
    /// to disk when `flush`, and closes it. Returns the destination's folder prefix and the
    /// temporary file's path.
    /// - Throws: `FileWriteError` naming the failed step, after removing the temporary file.
    static func fillTemporary(
        _ bytes: [UInt8], for path: String, permissions: mode_t, flush: Bool, calls: FileSystemCalls
    ) throws(FileWriteError) -> (directory: String, temporary: String) {
        let (directory, name) = split(path)
        guard !name.isEmpty, name != ".", name != ".." else {
            throw FileWriteError(path: path, operation: "check path", reason: "it names no file")
        }
        let temporary = directory + temporaryName(for: name)
        let descriptor = FileSystemName.withCPath(temporary) {
            open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        }
        guard descriptor >= 0 else { throw failure(path, "create temporary file \(temporary)") }
        var failed: (step: String, code: Int32)?
        if !writeAllDirect(bytes, to: descriptor, calls: calls) {
            failed = ("write \(temporary)", errno)
        } else if flush, calls.fsync(descriptor) != 0 {
            failed = ("flush \(temporary) to disk", errno)
        }
        if close(descriptor) != 0 && failed == nil { failed = ("close \(temporary)", errno) }
        guard let failed else { return (directory, temporary) }
        FileSystemName.withCPath(temporary) { _ = unlink($0) }
        throw FileWriteError(path: path, operation: failed.step, reason: describe(failed.code), code: failed.code)
    }

    /// POSIX `link(2)` on the bytes the two paths stand for.
    private static func linkPath(_ source: String, to destination: String) -> Int32 {
        FileSystemName.withCPath(source) { from in FileSystemName.withCPath(destination) { to in link(from, to) } }
    }

    /// POSIX `rename(2)` on the bytes the two paths stand for.
    static func renamePath(_ source: String, to destination: String) -> Int32 {
        FileSystemName.withCPath(source) { from in FileSystemName.withCPath(destination) { to in rename(from, to) } }
    }

    /// The directory prefix including its trailing "/" ("" for a bare name) and the file name.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }

    /// A temporary name for the file `name`: `.NAME.tmp-<16 hex digits>`, whose first 8 digits are
    /// the writing process's id and the last 8 random, so that a later writer can tell a temporary
    /// file of a live process (another worker or run, still writing) from one a killed process left
    /// behind (`writerIsAlive`).
    package static func temporaryName(for name: String) -> String {
        func hex8(_ value: UInt32) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 8 - digits.count) + digits
        }
        return "." + name + ".tmp-" + hex8(UInt32(truncatingIfNeeded: getpid())) + hex8(.random(in: .min ... .max))
    }

    /// Whether the process that wrote the temporary file `name` may still be running: its suffix
    /// names this process or a process that exists. A suffix of another form (an older writer's
    /// random digits) counts as gone.
    package static func writerIsAlive(_ name: String) -> Bool {
        guard let dash = name.lastIndex(of: "-") else { return false }
        let suffix = name[name.index(after: dash)...]
        guard suffix.count == 16, let pid = Int32(suffix.prefix(8), radix: 16), pid > 0 else { return false }
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// True for the names of this writer's temporary files, `.NAME.tmp-<1 to 16 hex digits>`.
    public static func isTemporaryFileName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let dash = name.lastIndex(of: "-") else { return false }
        let head = name[..<dash], suffix = name[name.index(after: dash)...]
        return head.hasSuffix(".tmp") && head.count >= ".X.tmp".count && (1...16).contains(suffix.count)
            && suffix.allSatisfy(\.isHexDigit)
    }

    /// Writes every byte to `descriptor`, retrying after `EINTR`; false (with `errno`) on failure.
    package static func writeAll(_ bytes: [UInt8], to descriptor: Int32, calls: FileSystemCalls = .system) -> Bool {
        writeAll(bytes, from: 0, to: descriptor, calls: calls)
    }

    /// Makes the rename durable; best effort, since some file systems refuse directory fsync.
    static func syncDirectory(_ directory: String) {
        let descriptor = FileSystemName.withCPath(directory.isEmpty ? "." : directory) {
            open($0, O_RDONLY | O_CLOEXEC)
        }
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    static func failure(_ path: String, _ operation: String) -> FileWriteError {
        let code = errno
        return FileWriteError(path: path, operation: operation, reason: describe(code), code: code)
    }

    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text) + " (errno \(code))"
    }
}

/// The system calls `AtomicFileWriter` fills and flushes a temporary file with. Each returns what
/// its POSIX namesake returns and sets `errno` the same way on failure.
public struct FileSystemCalls: Sendable {
    /// `write(2)`: bytes written, or -1.
    public var write: @Sendable (_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int
    /// `fsync(2)`: 0, or -1.
    public var fsync: @Sendable (_ descriptor: Int32) -> Int32

    public init(
        write: @escaping @Sendable (Int32, UnsafeRawPointer, Int) -> Int,
        fsync: @escaping @Sendable (Int32) -> Int32
    ) {
        self.write = write
        self.fsync = fsync
    }

    /// The operating system's calls.
    public static let system = FileSystemCalls(
        write: { descriptor, bytes, count in systemWrite(descriptor, bytes, count) },
        fsync: { descriptor in systemFsync(descriptor) })
}

/// POSIX `write(2)`, named apart from `AtomicFileWriter.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// POSIX `fsync(2)`, named apart from `FileSystemCalls.fsync`.
private func systemFsync(_ descriptor: Int32) -> Int32 {
    fsync(descriptor)
}
