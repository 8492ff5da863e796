import LucidCodecs

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder below the archive root, reached without following any symbolic link: every component
/// below the root is opened with `openat(O_DIRECTORY | O_NOFOLLOW)` from its parent's descriptor,
/// and every file in it is opened, created, renamed and removed relative to the folder's descriptor
/// (`openat`, `renameat`, `unlinkat`), never by a path a link could redirect. The root itself may be
/// a link (an archive on another disk); nothing below it is followed. A link planted where the
/// archive expects a folder or a file is reported (`ArchiveError.symbolicLink`), never written through.
///
/// The system calls live here; the rest of the archive works with relative paths and this type.
final class ArchiveFolder {
    /// The root-joined path, for messages.
    let displayPath: String
    private let descriptor: Int32

    private init(displayPath: String, descriptor: Int32) {
        self.displayPath = displayPath
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Opens `relative` (components separated by `/`) below `root`, creating missing folders when
    /// `create` is true.
    /// - Throws: `.symbolicLink` when a component is a link or not a folder, `.unwritable` or
    ///   `.unreadable` for other failures, naming the component's path.
    static func open(root: String, relative: String, create: Bool) throws(ArchiveError) -> ArchiveFolder {
        var current = openFolder(root)
        guard current >= 0 else { throw .unreadable(path: root, reason: errorText(errno)) }
        var walked = root
        for component in relative.split(separator: "/") where !component.isEmpty {
            walked += "/" + component
            let name = String(component)
            if create, mkdirat(current, name, 0o755) != 0, errno != EEXIST {
                let code = errno
                close(current)
                throw .unwritable(path: walked, reason: "cannot create the folder: " + errorText(code))
            }
            let next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            close(current)
            guard next >= 0 else {
                if code == ELOOP || code == ENOTDIR { throw .symbolicLink(path: walked) }
                throw create
                    ? .unwritable(path: walked, reason: errorText(code))
                    : .unreadable(path: walked, reason: errorText(code))
            }
            current = next
        }
        return ArchiveFolder(displayPath: walked, descriptor: current)
    }

    /// Whether `name` is a regular file of `size` bytes whose SHA-256 is `sha256`; the file is read
    /// only when its size matches. False for anything else (missing, a link, a folder, unreadable).
    func holds(_ name: String, size: Int64, sha256: String) -> Bool {
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return false }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int64(info.st_size) == size else {
            return false
        }
        return (try? SHA256Digest.hex(descriptor: file, path: displayPath + "/" + name)) == sha256
    }

    /// Whether anything (a file, a link, a folder...) is named `name` here; links are not followed.
    func contains(_ name: String) -> Bool {
        var info = stat()
        return fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0
    }

    /// Writes `bytes` to a temporary file of this folder, flushed to disk; returns its name.
    func writeTemporary(_ bytes: [UInt8], for name: String) throws(ArchiveError) -> String {
        let temporary = Self.temporaryName(for: name)
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else {
            throw .unwritable(path: displayPath + "/" + temporary, reason: Self.errorText(errno))
        }
        var failure: String?
        if !Self.writeAll(bytes, to: file) {
            failure = "write: " + Self.errorText(errno)
        } else if fsync(file) != 0 {
            failure = "flush to disk: " + Self.errorText(errno)
        }
        if close(file) != 0, failure == nil { failure = "close: " + Self.errorText(errno) }
        if let failure {
            unlinkat(descriptor, temporary, 0)
            throw .unwritable(path: displayPath + "/" + name, reason: failure)
        }
        return temporary
    }

    /// Renames the temporary file `temporary` to `name`, replacing what was there (a file, or a
    /// link, which is replaced and not followed).
    func commit(_ temporary: String, as name: String) throws(ArchiveError) {
        guard renameat(descriptor, temporary, descriptor, name) == 0 else {
            let code = errno
            unlinkat(descriptor, temporary, 0)
            throw .unwritable(path: displayPath + "/" + name, reason: "rename: " + Self.errorText(code))
        }
    }

    /// Writes `bytes` as `name` atomically: temporary file, flush, rename.
    func write(_ bytes: [UInt8], as name: String) throws(ArchiveError) {
        try commit(try writeTemporary(bytes, for: name), as: name)
    }

    /// Removes the file `name` (never a folder); best effort.
    func remove(_ name: String) {
        unlinkat(descriptor, name, 0)
    }

    /// Flushes the folder's entries (the renames) to disk; best effort, since some file systems
    /// refuse to flush a folder.
    func sync() {
        _ = fsync(descriptor)
    }

    /// Removes the temporary files in this folder whose writer is gone (see `temporaryName`).
    func removeAbandonedTemporaries() {
        guard let names = entryNames() else { return }
        for name in names where AtomicFileWriter.isTemporaryFileName(name) && !Self.writerIsAlive(name) {
            unlinkat(descriptor, name, 0)
        }
    }

    /// The names in this folder (not `.` and `..`), or nil when it cannot be listed.
    private func entryNames() -> [String]? {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

/// POSIX `open(2)` of a folder, named apart from `ArchiveFolder.open`.
/// The root may be named by bytes that are not UTF-8 (see `FileSystemName`).
private func openFolder(_ path: String) -> Int32 {
    FileSystemName.withCPath(path) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
}
