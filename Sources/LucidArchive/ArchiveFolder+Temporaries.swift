import LucidFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ArchiveFolder {
    /// Writes `bytes` to a temporary file of this folder (`AtomicFileWriter.temporaryName`), flushed
    /// to disk unless `flush` is false (a batch's writer flushes it later, `flush(_:)`); returns its name.
    func writeTemporary(_ bytes: [UInt8], for name: String, flush: Bool = true) throws(ArchiveError) -> String {
        let temporary = AtomicFileWriter.temporaryName(for: name)
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else {
            throw .unwritable(path: displayPath + "/" + temporary, reason: NoFollowCalls.describe(errno))
        }
        var failure: String?
        if !AtomicFileWriter.writeAllDirect(bytes, to: file) {
            failure = "write: " + NoFollowCalls.describe(errno)
        } else if flush, fsync(file) != 0 {
            failure = "flush to disk: " + NoFollowCalls.describe(errno)
        }
        if close(file) != 0, failure == nil { failure = "close: " + NoFollowCalls.describe(errno) }
        if let failure {
            unlinkat(descriptor, temporary, 0)
            throw .unwritable(path: displayPath + "/" + name, reason: failure)
        }
        return temporary
    }

    /// Flushes the file `name` of this folder to disk (`fsync`), without following a link.
    /// - Throws: `.unwritable` naming the file.
    func flush(_ name: String) throws(ArchiveError) {
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard file >= 0 else {
            throw .unwritable(path: displayPath + "/" + name, reason: "open: " + NoFollowCalls.describe(errno))
        }
        defer { close(file) }
        guard fsync(file) == 0 else {
            throw .unwritable(path: displayPath + "/" + name, reason: "flush to disk: " + NoFollowCalls.describe(errno))
        }
    }

    /// Renames the file `temporary` of this folder to `name` in `folder` (the same file system),
    /// replacing what was there; the temporary file is removed when the rename fails.
    func move(_ temporary: String, to folder: ArchiveFolder, as name: String) throws(ArchiveError) {
        guard renameat(descriptor, temporary, folder.descriptor, name) == 0 else {
            let code = errno
            unlinkat(descriptor, temporary, 0)
            throw .unwritable(path: folder.displayPath + "/" + name, reason: "rename: " + NoFollowCalls.describe(code))
        }
    }

    /// Removes the temporary files in this folder whose writer is gone
    /// (`AtomicFileWriter.writerIsAlive`).
    func removeAbandonedTemporaries() {
        guard let names = NoFollowCalls.names(in: descriptor) else { return }
        for name in names.map(FileSystemName.string)
        where AtomicFileWriter.isTemporaryFileName(name) && !AtomicFileWriter.writerIsAlive(name) {
            unlinkat(descriptor, name, 0)
        }
    }
}
