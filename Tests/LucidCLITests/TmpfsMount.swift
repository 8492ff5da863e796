import Foundation
import LucidFiles
import LucidTestSupport
import Testing

/// A small tmpfs mounted for one fault test (a full disk, a read-only folder), unmounted by
/// `unmount()`. Mounting needs root: under CI (`CI` set) its absence fails the test; elsewhere the
/// test says loudly that it did not run.
struct TmpfsMount {
    let path: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Mounts a tmpfs of `size` (as `mount -o size=` takes it, e.g. `3m`) at a fresh folder under
    /// `parent`; nil, after recording or printing why, when this process is not root.
    static func make(size: String, under parent: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> TmpfsMount?
    {
        guard getuid() == 0 else {
            let message =
                "the tmpfs fault tests need root (mount -t tmpfs); running as uid \(getuid()) they did NOT run"
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record(Comment(rawValue: message + " and CI is set"), sourceLocation: sourceLocation)
            } else {
                FileHandle.standardError.write(Data("SKIPPED: \(message).\n".utf8))
            }
            return nil
        }
        let path = parent + "/tmpfs-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try run(["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path])
        return TmpfsMount(path: path)
    }

    static func run(_ arguments: [String], tool: String = "/bin/mount") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let error = Pipe()
        process.standardError = error
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) failed: \(message)")
        }
    }

    func remount(readOnly: Bool) throws {
        try Self.run(["-o", readOnly ? "remount,ro" : "remount,rw", path])
    }

    func unmount() {
        try? Self.run([path], tool: "/bin/umount")
    }

    /// Files under `root` with an atomic writer's temporary name.
    static func temporaryFiles(under root: String) -> [String] {
        ProcessFixture.files(under: root).filter {
            AtomicFileWriter.isTemporaryFileName(($0 as NSString).lastPathComponent)
        }
    }
}
