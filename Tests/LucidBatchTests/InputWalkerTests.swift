import Foundation
import LucidBatch
import LucidTestSupport
import Testing

/// The walker of `lucid process`: sorted, recursive, loop-safe and lazy.
@Suite struct InputWalkerTests {
    func makeTree(_ files: [String]) throws -> String {
        let root = try LucidBinary.temporaryFolder()
        for file in files {
            let path = root + "/" + file
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
        }
        return root
    }

    func drain(_ walker: InputWalker) -> [InputEvent] {
        var events: [InputEvent] = []
        while let event = walker.next() { events.append(event) }
        return events
    }

    @Test("Folders are walked recursively in name order; arguments in the order given")
    func order() throws {
        let root = try makeTree(["b/2.dcm", "b/1.dcm", "a.dcm", "c/d/e.dcm"])
        let events = drain(InputWalker(arguments: [root, root + "/a.dcm"]))
        #expect(
            events == [
                .file(root + "/a.dcm"), .file(root + "/b/1.dcm"), .file(root + "/b/2.dcm"), .file(root + "/c/d/e.dcm"),
                .file(root + "/a.dcm"),
            ])
    }

    @Test("Symbolic link loops end; the output folder and missing paths are handled")
    func loopsAndExclusions() throws {
        let root = try makeTree(["in/a.dcm", "out/old.png"])
        try FileManager.default.createSymbolicLink(atPath: root + "/in/loop", withDestinationPath: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/in/dangling", withDestinationPath: root + "/none")
        let events = drain(InputWalker(arguments: [root, root + "/missing.dcm"], excluding: [root + "/out"]))
        #expect(
            events == [
                .file(root + "/in/a.dcm"),
                .unusable(path: root + "/in/dangling", reason: "broken symbolic link", fatal: false),
                .unusable(path: root + "/missing.dcm", reason: "no such file or directory", fatal: true),
            ])
    }

    @Test("The first file comes before the rest of the tree is listed")
    func lazy() throws {
        let root = try makeTree(["a/first.dcm"] + (0..<300).map { "b\($0)/f.dcm" })
        let walker = InputWalker(arguments: [root])
        #expect(walker.next() == .file(root + "/a/first.dcm"))
        #expect(walker.foldersListed == 2)
        #expect(drain(walker).count == 300)
        #expect(walker.foldersListed == 302)
    }

    @Test("--files-from lines follow the arguments; empty lines are skipped")
    func lines() throws {
        let root = try makeTree(["x.dcm", "y.dcm"])
        let list = root + "/list.txt"
        try "\(root)/y.dcm\n\n\(root)/x.dcm\r\n".write(toFile: list, atomically: true, encoding: .utf8)
        let walker = InputWalker(arguments: [], lines: try LineReader(path: list))
        #expect(drain(walker) == [.file(root + "/y.dcm"), .file(root + "/x.dcm")])
        #expect(throws: ProcessInputError.self) { try LineReader(path: root + "/none.txt") }
    }
}
