import Foundation
import LucidFiles
import LucidTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files of 1 MiB and more are written past the page cache (`O_DIRECT`) in whole 4 KiB blocks, the
/// tail through the page cache; a file system that refuses direct writes, or cuts one short, gets
/// the rest through the page cache. Each write `write(2)` sees is recorded with the descriptor's
/// flags at that moment.
@Suite struct DirectWriteTests {
    struct Call: Equatable {
        let count: Int
        let direct: Bool
    }

    /// The calls seen so far.
    final class Recorder: Sendable {
        private let calls = Mutex<[Call]>([])
        var list: [Call] { calls.withLock { $0 } }

        /// Records a call; returns its number, from 1.
        func add(_ call: Call) -> Int {
            calls.withLock { list in
                list.append(call)
                return list.count
            }
        }
    }

    #if os(Linux) && arch(x86_64)
        /// Linux x86-64's `O_DIRECT`.
        static let directFlag: Int32 = 0o40000

        /// `write(2)` that records each call; `refuse` decides, per call number and direct flag,
        /// to fail with EINVAL (nil) or to write at most some bytes.
        static func recording(
            _ calls: Recorder, limit: @escaping @Sendable (_ call: Int, _ direct: Bool) -> Int? = { _, _ in .max }
        ) -> FileSystemCalls {
            FileSystemCalls(
                write: { descriptor, bytes, count in
                    let direct = fcntl(descriptor, F_GETFL) & directFlag != 0
                    let number = calls.add(Call(count: count, direct: direct))
                    guard let allowed = limit(number, direct) else {
                        errno = EINVAL
                        return -1
                    }
                    return FileSystemCalls.system.write(descriptor, bytes, min(count, allowed))
                },
                fsync: FileSystemCalls.system.fsync)
        }

        /// A fresh folder whose file system takes `O_DIRECT`, or nil after recording why not.
        static func folder() throws -> String? {
            let folder = try LucidBinary.temporaryFolder()
            let probe = open(folder + "/probe", O_WRONLY | O_CREAT | directFlag, 0o644)
            defer { if probe >= 0 { close(probe) } }
            guard
                ExternalTool.require(
                    probe >= 0, tool: "a temporary folder on a file system with O_DIRECT (\(folder))",
                    install: "Run the tests with TMPDIR on a disk file system such as ext4 or XFS.")
            else { return nil }
            unlink(folder + "/probe")
            return folder
        }

        static func bytes(_ count: Int) -> [UInt8] {
            (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        }

        @Test("5 MiB + 123 bytes: two direct writes of whole blocks (4 MiB, 1 MiB), the tail buffered")
        func largeFile() throws {
            guard let folder = try Self.folder() else { return }
            let calls = Recorder()
            let content = Self.bytes(5 << 20 + 123)
            try AtomicFileWriter.write(content, to: folder + "/large.dcm", calls: Self.recording(calls))
            #expect(
                calls.list == [
                    Call(count: 4 << 20, direct: true), Call(count: 1 << 20, direct: true),
                    Call(count: 123, direct: false),
                ])
            #expect(FileManager.default.contents(atPath: folder + "/large.dcm") == Data(content))
        }

        @Test("below 1 MiB everything goes through the page cache in one write")
        func smallFile() throws {
            guard let folder = try Self.folder() else { return }
            let calls = Recorder()
            let content = Self.bytes((1 << 20) - 1)
            try AtomicFileWriter.write(content, to: folder + "/small.png", calls: Self.recording(calls))
            #expect(calls.list == [Call(count: (1 << 20) - 1, direct: false)])
            #expect(FileManager.default.contents(atPath: folder + "/small.png") == Data(content))
        }

        @Test("a refused direct write (EINVAL) leaves the whole file to the page cache, complete")
        func refusedDirectWrite() throws {
            guard let folder = try Self.folder() else { return }
            let calls = Recorder()
            let content = Self.bytes(3 << 20 + 5)
            try AtomicFileWriter.write(
                content, to: folder + "/refused.dcm",
                calls: Self.recording(calls) { _, direct in direct ? nil : Int.max })
            #expect(
                calls.list == [Call(count: 3 << 20, direct: true), Call(count: 3 << 20 + 5, direct: false)])
            #expect(FileManager.default.contents(atPath: folder + "/refused.dcm") == Data(content))
        }

        @Test("a direct write cut short after whole blocks goes on from there, directly")
        func shortDirectWrite() throws {
            guard let folder = try Self.folder() else { return }
            let calls = Recorder()
            let content = Self.bytes(2 << 20 + 7)
            try AtomicFileWriter.write(
                content, to: folder + "/short.dcm",
                calls: Self.recording(calls) { call, _ in call == 1 ? 3 * 4096 : Int.max })
            #expect(
                calls.list == [
                    Call(count: 2 << 20, direct: true), Call(count: 2 << 20 - 3 * 4096, direct: true),
                    Call(count: 7, direct: false),
                ])
            #expect(FileManager.default.contents(atPath: folder + "/short.dcm") == Data(content))
        }

        @Test("a disk error during a direct write fails the write and leaves no temporary file")
        func diskErrorDuringDirectWrite() throws {
            guard let folder = try Self.folder() else { return }
            let failing = FileSystemCalls(
                write: { descriptor, bytes, count in
                    guard fcntl(descriptor, F_GETFL) & Self.directFlag == 0 else {
                        errno = EIO
                        return -1
                    }
                    return FileSystemCalls.system.write(descriptor, bytes, count)
                }, fsync: FileSystemCalls.system.fsync)
            #expect(throws: FileWriteError.self) {
                try AtomicFileWriter.write(Self.bytes(2 << 20), to: folder + "/failed.dcm", calls: failing)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        }
    #endif
}
