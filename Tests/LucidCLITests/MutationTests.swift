import Foundation
import LucidTestSupport
import Testing

/// Every file of `SampleImages/` and of the shared corpus, mutated (`DICOMMutation.all`: cuts,
/// byte flips, every length field set to 0xFFFFFFFF and past the end), read, checked, decoded and
/// rendered frame by frame with the standard limits. Each file's mutations run in a child process
/// (`LucidMutationProbe`) under an address-space cap, which reports its own peak resident memory:
/// tests run in parallel in one process, so only a child's peak is its own.
@Suite struct MutationTests {
    /// Address space the probe may map: far above what a sample needs, far below what an
    /// unbounded, header-driven allocation would take.
    static let addressSpace = 2 << 30

    static var files: [String] {
        let sampleImages = SampleCorpus.packageRoot + "/SampleImages"
        let local = ((try? FileManager.default.contentsOfDirectory(atPath: sampleImages)) ?? [])
            .filter { $0.hasSuffix(".dcm") }.sorted().map { sampleImages + "/" + $0 }
        return SampleCorpus.fileNames().map(SampleCorpus.path) + local
    }

    static var probe: String {
        (LucidBinary.path as NSString).deletingLastPathComponent + "/LucidMutationProbe"
    }

    /// FNV-1a of the file name: a seed that is the same on every run and machine.
    static func seed(_ path: String) -> UInt64 {
        (path as NSString).lastPathComponent.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    @Test("the sample folders hold files to mutate")
    func samplesPresent() {
        #expect(Self.files.count >= 47, "\(Self.files)")
    }

    @Test("every mutation gives a typed error naming the file, or an image; memory stays bounded", arguments: files)
    func mutate(path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
        let expected = DICOMMutation.all(for: [UInt8](bytes), seed: Self.seed(path)).count
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.probe)
        process.arguments = [path, String(Self.seed(path)), String(Self.addressSpace)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = text.split(separator: "\n").map(String.init)
        let results = lines.filter { $0.hasPrefix("ok ") || $0.hasPrefix("error ") }
        #expect(
            process.terminationReason == .exit && process.terminationStatus == 0,
            "the probe died (\(process.terminationReason), \(process.terminationStatus)) after: \(results.last ?? "-")")
        #expect(results.count == expected, "\(results.count) of \(expected) mutations reported")
        for line in results where line.hasPrefix("error ") {
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            #expect(
                parts.count == 3 && parts[2].hasPrefix(parts[1] + ": "), "the error does not name the file: \(line)")
        }
        #expect(results.contains { $0.hasPrefix("error ") }, "no mutation was refused: the test would prove nothing")

        let peak = try #require(lines.last.map { $0.split(separator: " ") }, "no peak line")
        #expect(peak.count == 3 && peak[0] == "peak")
        let baseline = try #require(Int(peak[1])), final = try #require(Int(peak[2]))
        // The file, a mutated copy and one decoded and rendered frame set at a time, plus slack.
        let boundKiB = (96 << 10) + 8 * bytes.count / 1024
        #expect(
            final - baseline <= boundKiB, "peak resident memory grew \(final - baseline) KiB, bound \(boundKiB) KiB")
    }
}
