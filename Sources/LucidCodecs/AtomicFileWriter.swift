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

    public var description: String {
        "could not write \(path): \(operation) failed: \(reason). Check that the directory "
            + "exists, is writable and has free space."
    }
}

/// Writes files so that readers see either the old content or the complete new content.
///
/// The bytes go to a temporary file `.NAME.tmp-<16 hex digits>` in the destination's directory,
/// are flushed to disk (`fsync`), and the file is renamed over the destination. On any failure
/// the temporary file is removed and the destination is unchanged.
public enum AtomicFileWriter {
    /// Writes `bytes` to `path` atomically, creating the file with permissions `permissions`
    /// (default 0o644, reduced by the process umask) or replacing it.
    public static func write(
        _ bytes: [UInt8], to path: String, permissions: mode_t = 0o644
    ) throws(FileWriteError) {
        let (directory, name) = split(path)
        guard !name.isEmpty, name != ".", name != ".." else {
            throw FileWriteError(path: path, operation: "check path", reason: "it names no file")
        }
        let suffix = String(UInt64.random(in: .min ... .max), radix: 16)
        let temporary = directory + "." + name + ".tmp-" + suffix
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else {
            throw failure(path, "create temporary file \(temporary)")
        }
        var failed: (step: String, code: Int32)?
        if !writeAll(bytes, to: descriptor) {
            failed = ("write \(temporary)", errno)
        } else if fsync(descriptor) != 0 {
            failed = ("flush \(temporary) to disk", errno)
        }
        if close(descriptor) != 0 && failed == nil {
            failed = ("close \(temporary)", errno)
        }
        if failed == nil && rename(temporary, path) != 0 {
            failed = ("rename \(temporary) to \(path)", errno)
        }
        guard let failed else {
            syncDirectory(directory)
            return
        }
        unlink(temporary)
        throw FileWriteError(path: path, operation: failed.step, reason: describe(failed.code))
    }

    /// The directory prefix including its trailing "/" ("" for a bare name) and the file name.
    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return false }
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    /// Makes the rename durable; best effort, since some file systems refuse directory fsync.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ path: String, _ operation: String) -> FileWriteError {
        FileWriteError(path: path, operation: operation, reason: describe(errno))
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text) + " (errno \(code))"
    }
}

/// POSIX `write(2)`, named apart from `AtomicFileWriter.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
