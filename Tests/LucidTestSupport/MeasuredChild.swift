import Foundation

/// Runs a program as a child process with a deadline and reports its own peak resident memory:
/// `posix_spawn`, then `wait4`, whose resource usage belongs to that child alone (unlike
/// `getrusage(RUSAGE_CHILDREN)`, which mixes every child a test process has waited for).
public enum MeasuredChild {
    public struct Result: Sendable {
        /// The exit status, or 128 + the signal that ended the child.
        public let status: Int32
        /// True when the deadline passed and the child was killed.
        public let timedOut: Bool
        /// Peak resident set size, bytes.
        public let maximumResidentBytes: Int
        public let seconds: Double
        public let standardOutput: String
        public let standardError: String
    }

    /// Runs `path` with `arguments` (standard input empty, outputs to temporary files), killing it
    /// with SIGKILL once `timeout` seconds have passed.
    public static func run(_ path: String, _ arguments: [String], timeout: Double) throws -> Result {
        let folder = try LucidBinary.temporaryFolder()
        let outputPath = folder + "/stdout", errorPath = folder + "/stderr"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if Date().timeIntervalSince(start) > timeout {
                timedOut = true
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(10_000)
        }
        let seconds = Date().timeIntervalSince(start)
        // The wait status: the low 7 bits are the terminating signal, 0 for a normal exit.
        let signal = status & 0x7F
        return Result(
            status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal, timedOut: timedOut,
            maximumResidentBytes: usage.ru_maxrss * 1024, seconds: seconds,
            standardOutput: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
    }
}
