import Foundation
import LucidTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// An Orthanc that one test owns, started by the project's `.ci/orthanc start` in a folder of its
/// own (random free ports, its own storage and credentials), so the test can kill it with SIGKILL
/// and start it again on the same storage and port (`.ci/orthanc restart`), and count its instances
/// without other tests' uploads. `stop()` ends it by its pid and removes its folder.
final class PrivateOrthanc {
    private(set) var rest: OrthancREST
    private(set) var pid: pid_t
    let folder: String

    static var script: String { SampleCorpus.packageRoot + "/.ci/orthanc" }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts one, or records why it cannot (Orthanc missing: a failure, worded for CI or not) and
    /// returns nil.
    static func start(sourceLocation: SourceLocation = #_sourceLocation) throws -> PrivateOrthanc? {
        let installed = ExternalTool.find("Orthanc") != nil
        guard
            ExternalTool.require(
                installed, tool: "Orthanc", install: "Install it with: apt-get install -y orthanc orthanc-dicomweb",
                sourceLocation: sourceLocation)
        else { return nil }
        let environment = try run(["start"])
        return try PrivateOrthanc(environment: environment)
    }

    private init(environment: [String: String]) throws {
        guard let folder = environment["LUCID_ORTHANC_DIR"] else {
            throw Failure(description: ".ci/orthanc start printed no LUCID_ORTHANC_DIR")
        }
        self.folder = folder
        (rest, pid) = try Self.parse(environment)
    }

    /// SIGKILL, as a crash or a power cut would stop it; waits until the process is gone.
    func kill() {
        _ = Glibc.kill(pid, SIGKILL)
        for _ in 0..<200 where Glibc.kill(pid, 0) == 0 {
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// Starts it again from its folder: same configuration, port, credentials and storage.
    func restart() throws {
        (rest, pid) = try Self.parse(try Self.run(["restart", folder]))
    }

    /// Stops it by its pid and removes its folder.
    func stop() {
        _ = try? Self.run(["stop", String(pid), folder])
    }

    private static func parse(_ environment: [String: String]) throws -> (OrthancREST, pid_t) {
        guard let text = environment["LUCID_ORTHANC_URL"], let url = URL(string: text),
            let user = environment["LUCID_DICOMWEB_USER"], let password = environment["LUCID_DICOMWEB_PASSWORD"],
            let pid = environment["LUCID_ORTHANC_PID"].flatMap({ pid_t($0) })
        else { throw Failure(description: ".ci/orthanc printed incomplete export lines") }
        return (OrthancREST(url: url, user: user, password: password), pid)
    }

    /// Runs `.ci/orthanc ARGUMENTS` and returns the variables of its `export NAME='VALUE'` lines.
    private static func run(_ arguments: [String]) throws -> [String: String] {
        let result = try ExternalTool.run("/bin/bash", [script] + arguments)
        guard result.status == 0 else {
            throw Failure(
                description: ".ci/orthanc \(arguments.joined(separator: " ")) failed: \(result.standardError)")
        }
        var variables: [String: String] = [:]
        for line in result.standardOutput.split(separator: "\n") where line.hasPrefix("export ") {
            let assignment = line.dropFirst("export ".count)
            guard let equals = assignment.firstIndex(of: "=") else { continue }
            let value = assignment[assignment.index(after: equals)...]
            variables[String(assignment[..<equals])] = String(value.dropFirst().dropLast())
        }
        return variables
    }
}
