#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written to its temporary name (`AtomicFileWriter.temporaryName`) in its destination's
/// folder and not yet flushed: `AtomicFileWriter.settle` flushes it and renames it into place,
/// `AtomicFileWriter.abandon` removes it.
public struct PendingFileWrite: Sendable, Equatable {
    /// The temporary file, in the destination's folder.
    public var temporary: String
    /// The destination, a `FileSystemName` string as given to the writer.
    public var path: String
}

extension AtomicFileWriter {
    /// Writes `bytes` to a temporary file beside `path` without flushing it, for a writer that makes
    /// a group of files durable together (`settle`). Nothing is under `path` until `settle` renames it.
    /// - Throws: `FileWriteError` after removing the temporary file.
    public static func writeUnsettled(
        _ bytes: [UInt8], to path: String, permissions: mode_t = 0o644, calls: FileSystemCalls = .system
    ) throws(FileWriteError) -> PendingFileWrite {
        let (_, temporary) = try fillTemporary(bytes, for: path, permissions: permissions, flush: false, calls: calls)
        return PendingFileWrite(temporary: temporary, path: path)
    }

    /// Makes a group of pending writes durable and visible: each temporary file is flushed
    /// (`fsync`), renamed over its destination, and each distinct folder is flushed once after its
    /// renames. Returns one entry per write, nil when it is in place; a failed write's temporary file
    /// is removed and its destination left as it was. A crash at any moment leaves each destination
    /// either as it was or complete.
    public static func settle(_ writes: [PendingFileWrite], calls: FileSystemCalls = .system) -> [FileWriteError?] {
        var errors: [FileWriteError?] = []
        var folders: [String] = []
        for write in writes {
            var failed: (step: String, code: Int32)?
            let descriptor = FileSystemName.withCPath(write.temporary) { open($0, O_RDONLY | O_CLOEXEC) }
            if descriptor < 0 {
                failed = ("open \(write.temporary)", errno)
            } else {
                if calls.fsync(descriptor) != 0 { failed = ("flush \(write.temporary) to disk", errno) }
                close(descriptor)
            }
            if failed == nil, renamePath(write.temporary, to: write.path) != 0 {
                failed = ("rename \(write.temporary) to \(write.path)", errno)
            }
            if let failed {
                FileSystemName.withCPath(write.temporary) { _ = unlink($0) }
                errors.append(
                    FileWriteError(
                        path: write.path, operation: failed.step, reason: describe(failed.code), code: failed.code))
                continue
            }
            errors.append(nil)
            let directory = split(write.path).directory
            if !folders.contains(directory) { folders.append(directory) }
        }
        for folder in folders { syncDirectory(folder) }
        return errors
    }

    /// Removes the temporary files of writes that will not be settled; best effort.
    public static func abandon(_ writes: [PendingFileWrite]) {
        for write in writes { FileSystemName.withCPath(write.temporary) { _ = unlink($0) } }
    }
}
