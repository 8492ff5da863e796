import Foundation
import LucidBatch
import LucidTestSupport
import Testing

/// `--shard K/N`: the syntax, and N shards that partition the inputs exactly, whatever the root.
@Suite struct InputShardTests {
    static let files = (1...60).map { "s\($0 % 4)/d\($0 % 3)/f\($0).dcm" } + ["top.dcm", "s9/only.dcm"]

    func makeTree(at root: String) throws {
        for file in Self.files {
            let path = root + "/" + file
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
        }
    }

    func files(_ walker: InputWalker) -> [String] {
        var paths: [String] = []
        while let event = walker.next() {
            if case .file(let path) = event { paths.append(path) }
        }
        return paths
    }

    @Test("K/N parses for 1 <= K <= N; anything else is refused with the reason")
    func syntax() throws {
        let shard = try InputShard(parsing: "3/8")
        #expect(shard.index == 3 && shard.count == 8 && shard.description == "3/8")
        #expect(try InputShard(parsing: "1/1") == InputShard(index: 1, count: 1))
        for text in ["", "1", "1/", "/2", "a/b", "1/2/3", "-1/2", "+1/2", " 1/2", "1.0/2", "1/99999999"] {
            #expect(throws: InputShardError.self, "\(text)") { try InputShard(parsing: text) }
        }
        #expect(throws: InputShardError.outOfRange("0/3")) { try InputShard(parsing: "0/3") }
        #expect(throws: InputShardError.outOfRange("4/3")) { try InputShard(parsing: "4/3") }
        #expect(throws: InputShardError.outOfRange("1/0")) { try InputShard(parsing: "1/0") }
        #expect(
            InputShardError.syntax("x").description == "--shard 'x': write K/N with whole numbers, e.g. --shard 2/8")
    }

    @Test("for N = 1...7 the shards hold every input exactly once, and each shard is not empty for N <= 4")
    func partition() throws {
        let root = try LucidBinary.temporaryFolder()
        try makeTree(at: root)
        let all = files(InputWalker(arguments: [root]))
        #expect(all.count == Self.files.count)
        for count in 1...7 {
            var seen: [String] = []
            for index in 1...count {
                let part = files(InputWalker(arguments: [root], shard: InputShard(index: index, count: count)))
                if count <= 4 { #expect(!part.isEmpty, "shard \(index)/\(count)") }
                seen += part
            }
            #expect(seen.sorted() == all.sorted(), "N = \(count): no file twice, none lost")
        }
    }

    @Test("the shard depends on the path inside the input root only: another root, a re-run, a file argument agree")
    func stable() throws {
        let first = try LucidBinary.temporaryFolder() + "/mount-a/scans"
        let second = try LucidBinary.temporaryFolder() + "/elsewhere"
        try makeTree(at: first)
        try makeTree(at: second)
        let shard = InputShard(index: 2, count: 5)
        let fromFirst = files(InputWalker(arguments: [first], shard: shard)).map { String($0.dropFirst(first.count)) }
        let fromSecond = files(InputWalker(arguments: [second + "/"], shard: shard)).map {
            String($0.dropFirst(second.count))
        }
        #expect(fromFirst == fromSecond)
        #expect(
            fromFirst == files(InputWalker(arguments: [first], shard: shard)).map { String($0.dropFirst(first.count)) })
        // A file argument counts by its name: the top-level file is in the same shard either way.
        let asFolder = files(InputWalker(arguments: [first], shard: shard)).contains(first + "/top.dcm")
        let asFile = files(InputWalker(arguments: [first + "/top.dcm"], shard: shard)) == [first + "/top.dcm"]
        #expect(asFolder == asFile)
    }

    @Test("--files-from lines count by the line as written")
    func filesFrom() throws {
        let root = try LucidBinary.temporaryFolder()
        try makeTree(at: root)
        let list = root + "/list.txt"
        let lines = Self.files.map { root + "/" + $0 }
        #expect(FileManager.default.createFile(atPath: list, contents: Data(lines.joined(separator: "\n").utf8)))
        var seen: [String] = []
        for index in 1...3 {
            let reader = try LineReader(path: list)
            seen += files(InputWalker(arguments: [], lines: reader, shard: InputShard(index: index, count: 3)))
        }
        #expect(seen.sorted() == lines.sorted())
    }
}
