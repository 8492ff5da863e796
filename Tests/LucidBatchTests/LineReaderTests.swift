import Foundation
import LucidBatch
import LucidTestSupport
import Testing

/// `--files-from` lists read as bytes: lines capped, NUL refused, names that are not UTF-8 kept.
@Suite struct LineReaderTests {
    func list(_ bytes: [UInt8]) throws -> String {
        let path = try LucidBinary.temporaryFolder() + "/list.txt"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    func drain(_ reader: LineReader) -> [LineReader.Line] {
        var lines: [LineReader.Line] = []
        while let line = reader.next() { lines.append(line) }
        return lines
    }

    @Test("A 200 KB line and a line with a NUL are refused by number; the lines around them come through")
    func overlongAndNUL() throws {
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
        let bytes =
            Array("first.dcm\n".utf8) + long + Array("\nsecond.dcm\r\n".utf8) + Array("good.dcm".utf8) + [0]
            + Array("junk\n\nlast.dcm".utf8)
        let reader = try LineReader(path: try list(bytes))
        #expect(
            drain(reader) == [
                .path("first.dcm"),
                .refused(number: 2, reason: "line 2 is longer than 65536 bytes, so it is not a path"),
                .path("second.dcm"),
                .refused(number: 4, reason: "line 4 holds a NUL byte, so it is not a path"),
                .path("last.dcm"),
            ])
        #expect(reader.source.hasSuffix("/list.txt"))
    }

    @Test("The cap is exact, also for a last line without a newline; a line is never cut")
    func capBoundary() throws {
        let cap = 16
        let exact = [UInt8](repeating: UInt8(ascii: "b"), count: cap)
        let bytes = exact + [10] + exact + [UInt8(ascii: "c"), 10] + exact + exact
        let reader = try LineReader(path: try list(bytes), maximumLineBytes: cap)
        let refused = { (number: Int) in
            LineReader.Line.refused(
                number: number, reason: "line \(number) is longer than \(cap) bytes, so it is not a path")
        }
        #expect(drain(reader) == [.path(String(repeating: "b", count: cap)), refused(2), refused(3)])
    }

    @Test("A line that is not UTF-8 keeps its bytes")
    func bytesKept() throws {
        let name = Array("/data/latin".utf8) + [0xE9] + Array(".dcm".utf8)
        let reader = try LineReader(path: try list(name + [10]))
        guard case .path(let path) = reader.next() else {
            Issue.record("no path")
            return
        }
        #expect(Array(path.unicodeScalars.map(\.value)).contains(0xF7E9))
        #expect(reader.next() == nil)
    }

    @Test("A list that cannot be read ends with one refused line saying so, not silently")
    func readError() throws {
        let folder = try LucidBinary.temporaryFolder()
        let reader = try LineReader(path: folder)
        #expect(reader.next() == .refused(number: 1, reason: "the list cannot be read past line 0: Is a directory"))
        #expect(reader.next() == nil)
    }
}
