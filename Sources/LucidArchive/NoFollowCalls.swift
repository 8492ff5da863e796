#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls that read the archive tree without following symbolic links: every name is
/// opened relative to an open folder descriptor (`openat`) with `O_NOFOLLOW`, and names are raw
/// bytes, so a name that is not UTF-8 is neither lost nor altered. Functions return -1 or nil on
/// failure and leave the reason in `errno`.
enum NoFollowCalls {
    /// Opens the folder `name` inside `folder` (`O_DIRECTORY | O_NOFOLLOW`); a symbolic link fails
    /// with `ELOOP` or `ENOTDIR`.
    static func openFolder(_ name: [UInt8], in folder: Int32) -> Int32 {
        withCString(name) { openat(folder, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
    }

    /// Opens the file `name` inside `folder` for reading, never following a link (`ELOOP`) and never
    /// waiting on a FIFO (`O_NONBLOCK`, which regular files ignore).
    static func openFile(_ name: [UInt8], in folder: Int32) -> Int32 {
        withCString(name) { openat(folder, $0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) }
    }

    /// `fstatat(AT_SYMLINK_NOFOLLOW)`: the entry itself, a link as a link.
    static func status(_ name: [UInt8], in folder: Int32) -> stat? {
        var result = stat()
        let code = withCString(name) { fstatat(folder, $0, &result, AT_SYMLINK_NOFOLLOW) }
        return code == 0 ? result : nil
    }

    /// `fstat` of an open descriptor.
    static func status(of descriptor: Int32) -> stat? {
        var result = stat()
        return fstat(descriptor, &result) == 0 ? result : nil
    }

    /// The target of the symbolic link `name` inside `folder`, as bytes (at most 4096).
    static func linkTarget(_ name: [UInt8], in folder: Int32) -> [UInt8]? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = withCString(name) { path in
            buffer.withUnsafeMutableBufferPointer { bytes -> Int in
                guard let base = bytes.baseAddress else { return -1 }
                return readlinkat(folder, path, base, bytes.count)
            }
        }
        return count >= 0 ? buffer.prefix(count).map { UInt8(bitPattern: $0) } : nil
    }

    /// The names in the open folder `folder` (without `.` and `..`), as raw bytes; nil when it
    /// cannot be listed. The descriptor stays open and owned by the caller.
    static func names(in folder: Int32) -> [[UInt8]]? {
        let copy = dup(folder)
        guard copy >= 0 else { return nil }
        guard let stream = fdopendir(copy) else {
            close(copy)
            return nil
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else { return errno == 0 ? names : nil }
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
    }

    /// `strerror` of `code`.
    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    private static func withCString<T>(_ name: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        let terminated = name.map { CChar(bitPattern: $0) } + [0]
        return terminated.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { preconditionFailure("a terminated name is never empty") }
            return body(base)
        }
    }
}
