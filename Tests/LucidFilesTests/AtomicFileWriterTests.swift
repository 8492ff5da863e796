import Foundation
import LucidFiles
import Testing

@Suite("Atomic file writer")
struct AtomicFileWriterTests {
    private func makeDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("lucid-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    private func contents(of directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test("writes the bytes, replaces an existing file and leaves no temporary file")
    func success() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.png"
        try AtomicFileWriter.write([1, 2, 3], to: path)
        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
        try AtomicFileWriter.write(Array(repeating: 7, count: 100_000), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data(repeating: 7, count: 100_000))
        try AtomicFileWriter.write([], to: directory + "/empty.bin")
        #expect(try contents(of: directory) == ["empty.bin", "out.png"])
    }

    @Test("a missing directory throws an error naming the path")
    func missingDirectory() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/missing/out.png"
        do {
            try AtomicFileWriter.write([1], to: path)
            Issue.record("writing into a missing directory succeeded")
        } catch {
            #expect(error.path == path)
            #expect(error.description.contains(path))
            #expect(error.reason.contains("No such file or directory"))
        }
        #expect(try contents(of: directory).isEmpty)
    }

    @Test("a failed rename removes the temporary file and keeps the destination")
    func renameOntoDirectory() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/taken"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        #expect(throws: FileWriteError.self) { try AtomicFileWriter.write([1, 2], to: path) }
        #expect(try contents(of: directory) == ["taken"])
        #expect(try contents(of: path) == ["inside"])
    }

    @Test("a path without a file name is refused")
    func noFileName() {
        #expect(throws: FileWriteError.self) { try AtomicFileWriter.write([1], to: "/tmp/") }
    }
}
