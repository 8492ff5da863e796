import Foundation
import LucidBatch
import LucidFiles
import LucidTestSupport
import Testing

/// The walker on names that are not UTF-8, FIFOs and refused `--files-from` lines.
@Suite struct InputWalkerBytesTests {
    @Test("A file and a folder whose names are not UTF-8 are walked, in the order of their bytes")
    func latin1Names() throws {
        let root = try LucidBinary.temporaryFolder()
        try RawFileNames.write([1], to: RawFileNames.path(root + "/latin", [0xE9], ".dcm"))
        try RawFileNames.makeFolder(RawFileNames.path(root + "/dossier", [0xE9]))
        try RawFileNames.write([2], to: RawFileNames.path(root + "/dossier", [0xE9], "/ct.dcm"))
        try RawFileNames.write([3], to: RawFileNames.path(root + "/latin.dcm"))
        try RawFileNames.write([4], to: RawFileNames.path(root + "/caf\u{E9}.dcm"))
        let events = InputWalkerTests().drain(InputWalker(arguments: [root]))
        let paths = events.compactMap { event -> [UInt8]? in
            guard case .file(let path) = event else { return nil }
            return FileSystemName.bytes(path)
        }
        let expected = [
            RawFileNames.path(root + "/caf\u{E9}.dcm"),
            RawFileNames.path(root + "/dossier", [0xE9], "/ct.dcm"),
            RawFileNames.path(root + "/latin.dcm"),
            RawFileNames.path(root + "/latin", [0xE9], ".dcm"),
        ]
        #expect(paths == expected, "\(paths.map(RawFileNames.shown))")
        #expect(events.count == 4)
        for path in paths { #expect(RawFileNames.read(path) != nil) }
    }

    @Test("A FIFO found while walking is skipped as one")
    func fifoListed() throws {
        let root = try LucidBinary.temporaryFolder()
        #expect(mkfifo(root + "/pipe.dcm", 0o644) == 0)
        #expect(
            InputWalkerTests().drain(InputWalker(arguments: [root])) == [
                .unusable(path: root + "/pipe.dcm", reason: "not a regular file or folder (a FIFO)", fatal: false)
            ])
    }

    @Test("A refused --files-from line is a failed input named LIST:LINE")
    func refusedLine() throws {
        let root = try LucidBinary.temporaryFolder()
        try RawFileNames.write([1], to: RawFileNames.path(root + "/a.dcm"))
        let list = root + "/list.txt"
        let bytes = Array("\(root)/a.dcm\n".utf8) + [UInt8](repeating: 0x41, count: 70_000) + [10]
        #expect(FileManager.default.createFile(atPath: list, contents: Data(bytes)))
        let events = InputWalkerTests().drain(InputWalker(arguments: [], lines: try LineReader(path: list)))
        #expect(
            events == [
                .file(root + "/a.dcm"),
                .unusable(
                    path: list + ":2", reason: "--files-from line 2 is longer than 65536 bytes, so it is not a path",
                    fatal: true),
            ])
    }
}
