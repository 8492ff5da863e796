import Foundation

/// Runs a program as a child process with a deadline and reports its own peak resident memory.
///
/// The program is started by a small Python parent, which reports the program's `ru_maxrss` alone
/// (`RUSAGE_CHILDREN` of a parent with one child). Spawned straight from the test process, the
/// program would report the test process's own peak instead whenever that is higher: Linux carries
/// the peak of the address space a `vfork`ed child shares with its parent (how `posix_spawn`
/// starts it) into the child's `ru_maxrss` at `exec`.
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

    /// What the Python parent errs with when it cannot measure.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    static let parent = """
        import resource, subprocess, sys, time
        timeout, out, err, command = float(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
        start = time.monotonic()
        with open(out, "wb") as o, open(err, "wb") as e:
            child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=o, stderr=e)
            timed_out = False
            try:
                child.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                child.kill()
                child.wait()
        code = child.returncode
        status = code if code >= 0 else 128 - code
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        print(status, int(timed_out), peak, time.monotonic() - start)
        """

    /// Runs `path` with `arguments` (standard input empty, outputs to temporary files), killing it
    /// with SIGKILL once `timeout` seconds have passed.
    /// - Throws: `Failure` when python3 is missing or its report cannot be read.
    public static func run(_ path: String, _ arguments: [String], timeout: Double) throws -> Result {
        guard let python = ExternalTool.find("python3") else {
            throw Failure(description: "python3 is needed to measure a child's memory: apt-get install -y python3")
        }
        let folder = try LucidBinary.temporaryFolder()
        let outputPath = folder + "/stdout", errorPath = folder + "/stderr"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try ExternalTool.run(
            python, ["-c", parent, String(timeout), outputPath, errorPath, path] + arguments)
        let fields = report.standardOutput.split(whereSeparator: \.isWhitespace)
        guard report.status == 0, fields.count == 4, let status = Int32(fields[0]), let timedOut = Int(fields[1]),
            let peak = Int(fields[2]), let seconds = Double(fields[3])
        else {
            throw Failure(description: "the measuring parent failed: \(report.standardOutput) \(report.standardError)")
        }
        return Result(
            status: status, timedOut: timedOut == 1, maximumResidentBytes: peak, seconds: seconds,
            standardOutput: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
    }
}
