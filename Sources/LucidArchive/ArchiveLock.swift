#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The archive's run lock, a `flock(2)` on the empty file `DIR/index.sqlite.lock`.
///
/// Every writer (`Archive`, opened by `lucid process --archive` and `lucid archive push`) holds it
/// shared for as long as it is open, so writers run side by side; `lucid verify` takes it exclusively
/// without waiting, so it never checks files that a run is still writing. It is a separate file
/// because SQLite keeps its own POSIX locks on the index, and its name starts with `index.sqlite`,
/// so the tree walk ignores it like the index's other companions. The lock is released when the
/// descriptor closes, also when the process is killed.
public final class ArchiveLock: Sendable {
    public static let fileName = "index.sqlite.lock"

    /// `DIR/index.sqlite.lock`.
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock shared, creating the lock file when missing and waiting while a verification
    /// holds it exclusively.
    /// - Throws: `ArchiveError.unwritable` when the lock file can be neither opened nor created.
    static func shared(root: String) throws(ArchiveError) -> ArchiveLock {
        let path = root + "/" + fileName
        let descriptor = open(path, O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritable(path: path, reason: NoFollowCalls.describe(errno)) }
        while flock(descriptor, LOCK_SH) != 0 {
            guard errno == EINTR else {
                let reason = NoFollowCalls.describe(errno)
                close(descriptor)
                throw .unwritable(path: path, reason: "cannot lock: \(reason)")
            }
        }
        return ArchiveLock(path: path, descriptor: descriptor)
    }

    /// Takes the lock exclusively without waiting, creating the lock file when missing. Returns nil
    /// when the file is missing and cannot be created (a read-only file system, a folder the user may
    /// not write), where no writer of this version can have started.
    /// - Throws: `ArchiveError.busy` while a writer (or another verification) holds the lock.
    static func exclusive(root: String) throws(ArchiveError) -> ArchiveLock? {
        let path = root + "/" + fileName
        var descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor < 0 && errno == ENOENT {
            descriptor = open(path, O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor < 0 && [EROFS, EACCES, EPERM].contains(errno) { return nil }
        }
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: NoFollowCalls.describe(errno)) }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw .busy(path: root) }
            throw .unreadable(path: path, reason: "cannot lock: \(NoFollowCalls.describe(code))")
        }
        return ArchiveLock(path: path, descriptor: descriptor)
    }

    /// True when a verification holds the lock of the archive at `root` right now, so a writer about
    /// to open it will wait; for a message before waiting.
    public static func isHeldExclusively(root: String) -> Bool {
        let descriptor = open(root + "/" + fileName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var result: Int32
        repeat { result = flock(descriptor, LOCK_SH | LOCK_NB) } while result != 0 && errno == EINTR
        return result != 0 && errno == EWOULDBLOCK
    }
}
