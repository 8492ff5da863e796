import Foundation
import LucidFiles
import LucidTestSupport
import Testing

/// Run records never replace one another: two processes with one process id starting in the same
/// second (containers of one job, each process 1) into one folder keep both records.
@Suite struct RunRecordFileTests {
    @Test("A write that must not replace leaves the existing file and says EEXIST")
    func noReplace() throws {
        let folder = try LucidBinary.temporaryFolder()
        let path = folder + "/a.json"
        try AtomicFileWriter.write(Array("first".utf8), to: path)
        do {
            try AtomicFileWriter.write(Array("second".utf8), to: path, replacing: false)
            Issue.record("the existing file was replaced")
        } catch {
            #expect(error.code == EEXIST && error.operation.hasPrefix("link "), "\(error)")
        }
        #expect(FileManager.default.contents(atPath: path) == Data("first".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["a.json"], "no temporary file left")
    }

    @Test("Two records of one name: the second is written as NAME-2.json, the third NAME-3.json")
    func sameName() throws {
        let folder = try LucidBinary.temporaryFolder()
        let name = "lucid-run-20250102T030405Z-1.json"
        let paths = try (1...3).map { try RunRecordFile.write(["run": $0], folder: folder, fileName: name) }
        #expect(
            paths == [
                folder + "/" + name, folder + "/lucid-run-20250102T030405Z-1-2.json",
                folder + "/lucid-run-20250102T030405Z-1-3.json",
            ])
        let first = try #require(FileManager.default.contents(atPath: paths[0]))
        #expect(String(decoding: first, as: UTF8.self).contains("\"run\" : 1"))
    }
}

/// The run record's file name and timestamps, checked against fixed dates.
@Suite struct RunRecordTimeTests {
    @Test("file names and ISO 8601 timestamps in UTC, milliseconds rounded, around leap days and years")
    func formats() {
        // 2025-01-02T03:04:05.678Z
        let date = Date(timeIntervalSince1970: 1_735_787_045.678)
        #expect(RunRecordFile.fileName(started: date, processID: 4242) == "lucid-run-20250102T030405Z-4242.json")
        #expect(RunRecordFile.timestamp(date) == "2025-01-02T03:04:05.678Z")
        // 2024-02-29T23:59:59.9996Z rounds to the next day.
        #expect(RunRecordFile.timestamp(Date(timeIntervalSince1970: 1_709_251_199.9996)) == "2024-03-01T00:00:00.000Z")
        #expect(RunRecordFile.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(RunRecordFile.timestamp(Date(timeIntervalSince1970: 4_102_444_800.05)) == "2100-01-01T00:00:00.050Z")
    }
}
