import Foundation
import Testing

/// A folder made read-only for a test: as root (whom permission bits do not stop) a read-only bind
/// mount of the folder onto itself, otherwise `chmod -R a-w`. `restore()` undoes it. When root
/// cannot mount, the test fails under CI (`CI` set) and says loudly elsewhere that it did not run.
struct ReadOnlyFolder {
    let path: String
    let mounted: Bool

    static func make(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ReadOnlyFolder? {
        guard getuid() == 0 else {
            try TmpfsMount.run(["-R", "a-w", path], tool: "/bin/chmod")
            return ReadOnlyFolder(path: path, mounted: false)
        }
        do {
            try TmpfsMount.run(["--bind", path, path])
            do {
                try TmpfsMount.run(["-o", "remount,bind,ro", path])
            } catch {
                try? TmpfsMount.run([path], tool: "/bin/umount")
                throw error
            }
        } catch {
            let message =
                "the read-only archive tests need a read-only bind mount as root, which failed ("
                + "\(error)); they did NOT run"
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record(Comment(rawValue: message + " and CI is set"), sourceLocation: sourceLocation)
            } else {
                FileHandle.standardError.write(Data("SKIPPED: \(message).\n".utf8))
            }
            return nil
        }
        return ReadOnlyFolder(path: path, mounted: true)
    }

    /// True when nothing can be created in the folder any more.
    var isReadOnly: Bool {
        let probe = path + "/.probe-" + UUID().uuidString
        let created = FileManager.default.createFile(atPath: probe, contents: nil)
        if created { try? FileManager.default.removeItem(atPath: probe) }
        return !created
    }

    func restore() {
        if mounted {
            try? TmpfsMount.run([path], tool: "/bin/umount")
        } else {
            try? TmpfsMount.run(["-R", "u+w", path], tool: "/bin/chmod")
        }
    }
}
