import LucidFiles

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
    let descriptor: Int32

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
        guard current >= 0 else { throw .unreadable(path: root, reason: NoFollowCalls.describe(errno)) }
        var walked = root
        for component in relative.split(separator: "/") where !component.isEmpty {
            walked += "/" + component
            let name = String(component)
            if create, mkdirat(current, name, 0o755) != 0, errno != EEXIST {
                let code = errno
                close(current)
                throw .unwritable(path: walked, reason: "cannot create the folder: " + NoFollowCalls.describe(code))
            }
            let next = NoFollowCalls.openFolder(Array(name.utf8), in: current)
            let code = errno
            close(current)
            guard next >= 0 else {
                if code == ELOOP || code == ENOTDIR { throw .symbolicLink(path: walked) }
                let reason = NoFollowCalls.describe(code)
                throw create ? .unwritable(path: walked, reason: reason) : .unreadable(path: walked, reason: reason)
            }
            current = next
        }
        return ArchiveFolder(displayPath: walked, descriptor: current)
    }

    /// Whether `name` is a regular file of `size` bytes whose SHA-256 is `sha256`
    /// (`IndexedFileCheck.check(file:in:size:sha256:path:)`): the file is read only when its size
    /// matches. False for anything else (missing, a link, a folder, unreadable).
    func holds(_ name: String, size: Int64, sha256: String) -> Bool {
        IndexedFileCheck.check(file: Array(name.utf8), in: descriptor, size: size, sha256: sha256, path: name)
            == .intact
    }

    /// Whether anything (a file, a link, a folder...) is named `name` here; links are not followed.
    func contains(_ name: String) -> Bool {
        NoFollowCalls.status(Array(name.utf8), in: descriptor) != nil
    }

    /// Renames the temporary file `temporary` to `name`, replacing what was there (a file, or a
    /// link, which is replaced and not followed).
    func commit(_ temporary: String, as name: String) throws(ArchiveError) {
        guard renameat(descriptor, temporary, descriptor, name) == 0 else {
            let code = errno
            unlinkat(descriptor, temporary, 0)
            throw .unwritable(path: displayPath + "/" + name, reason: "rename: " + NoFollowCalls.describe(code))
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
}

/// POSIX `open(2)` of a folder, named apart from `ArchiveFolder.open`.
/// The root may be named by bytes that are not UTF-8 (see `FileSystemName`).
private func openFolder(_ path: String) -> Int32 {
    FileSystemName.withCPath(path) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
}
