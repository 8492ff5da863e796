import Foundation
import LucidFiles
import Testing

/// Foundation's file errors become a reason a person reads, never the raw NSError dump.
@Suite struct SystemErrorTextTests {
    @Test("A Cocoa error gives its POSIX cause, given or implied by its code; otherwise its localized description")
    func cocoaErrors() {
        let readOnly = NSError(
            domain: NSCocoaErrorDomain, code: CocoaError.fileWriteVolumeReadOnly.rawValue,
            userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS))])
        #expect(SystemErrorText.describe(readOnly) == "Read-only file system (errno 30)")
        #expect(SystemErrorText.describe(CocoaError(.fileWriteVolumeReadOnly)) == "Read-only file system (errno 30)")
        #expect(SystemErrorText.describe(CocoaError(.fileWriteOutOfSpace)) == "No space left on device (errno 28)")
        let other = SystemErrorText.describe(CocoaError(.coderValueNotFound))
        #expect(!other.contains("NSCocoaErrorDomain") && !other.contains("Code=") && !other.isEmpty, "\(other)")
        #expect(
            SystemErrorText.describe(NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))).hasSuffix("(errno 28)"))
    }

    @Test("Copying a file into a folder on a read-only mount: the reason names the read-only file system")
    func readOnlyMount() throws {
        let mount = FileManager.default.temporaryDirectory.appendingPathComponent("lucid-ro-\(UUID())").path
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: mount) }
        let mounted = Process()
        mounted.executableURL = URL(fileURLWithPath: "/bin/mount")
        mounted.arguments = ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", mount]
        let reason = Pipe()
        mounted.standardError = reason
        try mounted.run()
        let said = String(decoding: reason.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        mounted.waitUntilExit()
        guard mounted.terminationStatus == 0 else {
            Self.notMounted(
                "cannot mount a read-only tmpfs here (mount needs root in a privileged container; uid \(getuid()), "
                    + "mount said: \(said)): the read-only case did NOT run")
            return
        }
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [mount]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        do {
            try Data([1, 2, 3]).write(to: URL(fileURLWithPath: mount + "/x"))
            Issue.record("writing into a read-only mount succeeded")
        } catch {
            #expect(SystemErrorText.describe(error) == "Read-only file system (errno 30)", "\(error)")
        }
    }

    /// Under CI (`CI` set) a test that could not mount fails; elsewhere it says loudly on standard
    /// error that it did not run, and passes.
    static func notMounted(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record(Comment(rawValue: message + " and CI is set"), sourceLocation: sourceLocation)
        } else {
            FileHandle.standardError.write(Data("SKIPPED: \(message).\n".utf8))
        }
    }
}
