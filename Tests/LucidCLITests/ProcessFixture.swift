import Foundation
import LucidImaging
import LucidPNG
import LucidTestSupport
import Testing

/// Input folders for the `lucid process` tests: corpus files copied into a fresh temporary folder
/// (never into the repository), plus a corrupt DICOM, a text file and a 16-bit PNG.
struct ProcessFixture {
    let folder: String
    var input: String { folder + "/in" }
    var output: String { folder + "/out" }

    init() throws {
        folder = try LucidBinary.temporaryFolder()
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
    }

    /// Copies the corpus file `name` to `relative` under the input folder.
    func copy(_ name: String, to relative: String) throws {
        let destination = input + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SampleCorpus.path(name), toPath: destination)
    }

    /// Writes `bytes` as the input `relative`, creating its folders.
    func write(_ bytes: [UInt8], to relative: String) throws {
        let destination = input + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: destination, contents: Data(bytes)))
    }

    /// The standard mix: CT, CR MONOCHROME1, two same-named MR files in different folders, MG,
    /// a truncated DICOM, a text file and a 16-bit PNG.
    static func standard() throws -> ProcessFixture {
        let fixture = try ProcessFixture()
        try fixture.copy("ct_ge_ivrle_window.dcm", to: "ct/ct.dcm")
        try fixture.copy("cr_fuji_mono1_10bit.dcm", to: "cr/chest.dcm")
        try fixture.copy("mr_small_evrle.dcm", to: "mr1/image.dcm")
        try fixture.copy("mr_small_ivrle.dcm", to: "mr2/image.dcm")
        try fixture.copy("mr_small_truncated_pixeldata.dcm", to: "bad/cut.dcm")
        try fixture.write(Array("not an image\n".utf8), to: "notes.txt")
        let samples = GrayImage<UInt16>(width: 32, height: 20, pixels: (0..<640).map { UInt16($0 * 5) })
        try fixture.write(try PNGCodec.encode(samples), to: "scan16.png")
        return fixture
    }

    /// Every regular file below `root`, relative, sorted.
    static func files(under root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// The run manifests (`lucid-run-*.json`) directly in `folder`, names sorted.
    static func manifests(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix("lucid-run-") && $0.hasSuffix(".json") }.sorted()
    }

    /// Every regular file below `root` except the run manifests at its top, relative, sorted.
    static func renditions(under root: String) -> [String] {
        let manifests = Set(Self.manifests(in: root))
        return files(under: root).filter { !manifests.contains($0) }
    }

    /// The one run manifest in `folder`, parsed.
    static func manifest(in folder: String) throws -> [String: Any] {
        let names = manifests(in: folder)
        #expect(names.count == 1, "\(names)")
        let name = try #require(names.first)
        let data = try #require(FileManager.default.contents(atPath: folder + "/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// SHA-256 of every input file.
    func inputHashes() throws -> [String: String] {
        var hashes: [String: String] = [:]
        for file in Self.files(under: input) {
            let bytes = try #require(FileManager.default.contents(atPath: input + "/" + file))
            hashes[file] = SHA256.hex([UInt8](bytes))
        }
        return hashes
    }

    /// Runs `lucid` with `arguments`, sends it SIGINT (Ctrl-C) once it has printed its first line
    /// (its first file done), and waits for it to end: the ended process, for its termination reason
    /// and status, and everything it printed on standard output.
    static func interruptedAfterFirstLine(_ arguments: [String]) throws -> (process: Process, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LucidBinary.path)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        var received = readThroughFirstLine(of: output.fileHandleForReading)
        process.interrupt()
        received.append(output.fileHandleForReading.readDataToEndOfFile())
        _ = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process, received)
    }

    /// Reads from `handle` until the first complete line (or the end), returning everything read:
    /// the point at which a running `lucid` has finished its first file.
    static func readThroughFirstLine(of handle: FileHandle) -> Data {
        var received = Data()
        while !received.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        return received
    }

    /// The JSON objects of standard output, one a line.
    static func jsonLines(_ output: Data) -> [[String: Any]] {
        String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}
