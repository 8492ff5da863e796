#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pipe whose write end wakes a thread waiting in `poll` on its read end: how a read of
/// `--files-from -` that waits for the next line is given up when the run is interrupted. Both
/// ends are closed when the last reference goes, so a late `wake()` never writes to a reused
/// descriptor.
final class WakePipe: Sendable {
    let readEnd: Int32
    private let writeEnd: Int32

    /// Nil when the system has no descriptor left for it.
    init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Makes `readEnd` readable; safe from any thread, more than once.
    func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Waits until `descriptor` can be read (data, its end or an error): true, or false when
    /// `wake()` was called first.
    func waitReadable(_ descriptor: Int32) -> Bool {
        var watched = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0),
        ]
        while poll(&watched, 2, -1) < 0 && errno == EINTR {}
        return watched[1].revents == 0
    }
}
