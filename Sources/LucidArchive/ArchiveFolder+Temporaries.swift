import LucidFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ArchiveFolder {
    /// Writes `bytes` to a temporary file of this folder (`AtomicFileWriter.temporaryName`), flushed
    /// to disk; returns its name.
    func writeTemporary(_ bytes: [UInt8], for name: String) throws(ArchiveError) -> String {
        let temporary = AtomicFileWriter.temporaryName(for: name)
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else {
            throw .unwritable(path: displayPath + "/" + temporary, reason: NoFollowCalls.describe(errno))
        }
        var failure: String?
        if !AtomicFileWriter.writeAll(bytes, to: file) {
            failure = "write: " + NoFollowCalls.describe(errno)
        } else if fsync(file) != 0 {
            failure = "flush to disk: " + NoFollowCalls.describe(errno)
        }
        if close(file) != 0, failure == nil { failure = "close: " + NoFollowCalls.describe(errno) }
        if let failure {
            unlinkat(descriptor, temporary, 0)
            throw .unwritable(path: displayPath + "/" + name, reason: failure)
        }
        return temporary
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
