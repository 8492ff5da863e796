import Foundation
import LucidFiles
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A disk that fills up or fails mid-write, simulated through `FileSystemCalls`: the error names
/// the file and the system's reason, no temporary file remains and the destination keeps its old
/// content. (The real thing, a full tmpfs, is in the CLI fault tests.)
@Suite struct AtomicFileWriterFaultTests {
    /// `write(2)` that accepts `capacity` bytes in all, then fails with `code`.
    static func fillingDisk(capacity: Int, code: Int32) -> FileSystemCalls {
        let used = Mutex(0)
        return FileSystemCalls(
            write: { descriptor, bytes, count in
                let allowed = used.withLock { total -> Int in
                    let room = min(count, capacity - total)
                    total += max(0, room)
                    return room
                }
                guard allowed > 0 else {
                    errno = code
                    return -1
                }
                return FileSystemCalls.system.write(descriptor, bytes, allowed)
            },
            fsync: FileSystemCalls.system.fsync)
    }

    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "lucid-atomic-fault-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("disk full after 1000 bytes: ENOSPC named, no temporary file, the old content kept")
    func diskFull() throws {
        let folder = try Self.folder()
        let path = folder + "/image.png"
        try AtomicFileWriter.write([7, 7, 7], to: path)
        do {
            try AtomicFileWriter.write(
                [UInt8](repeating: 1, count: 5000), to: path, calls: Self.fillingDisk(capacity: 1000, code: ENOSPC))
            Issue.record("a write to a full disk succeeded")
        } catch {
            #expect(error.path == path)
            #expect(error.operation.hasPrefix("write \(folder)/.image.png.tmp-"))
            #expect(error.reason == "No space left on device (errno \(ENOSPC))")
            #expect(error.description.contains("has free space"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["image.png"])
        #expect(FileManager.default.contents(atPath: path) == Data([7, 7, 7]))
    }

    @Test("an fsync I/O error fails the write the same way; a new file is not created")
    func flushFails() throws {
        let folder = try Self.folder()
        let path = folder + "/new.dcm"
        let failingFlush = FileSystemCalls(
            write: FileSystemCalls.system.write,
            fsync: { _ in
                errno = EIO
                return -1
            })
        #expect {
            try AtomicFileWriter.write([1, 2, 3], to: path, calls: failingFlush)
        } throws: { error in
            guard let error = error as? FileWriteError else { return false }
            return error.operation.hasPrefix("flush ") && error.reason == "Input/output error (errno \(EIO))"
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("the temporary names the writer uses, and only those, are recognised")
    func temporaryNames() {
        for name in [".a.png.tmp-0", ".x.dcm.tmp-1f2e3d4c5b6a7988", ".lucid-run-1.json.tmp-abc"] {
            #expect(AtomicFileWriter.isTemporaryFileName(name), "\(name)")
        }
        for name in ["a.png.tmp-1", ".tmp-1", "..tmp-1", ".a.tmp-", ".a.tmp-12345678901234567", ".a.tmp-xyz", ".a.png"]
        {
            #expect(!AtomicFileWriter.isTemporaryFileName(name), "\(name)")
        }
    }
}
