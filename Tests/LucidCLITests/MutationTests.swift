import Foundation
import LucidTestSupport
import Testing

/// Every file of `SampleImages/`, of the shared corpus and of the codec set, mutated
/// (`DICOMMutation.all`: cuts, byte flips, every length field set to 0xFFFFFFFF and past the end),
/// read, checked, decoded and rendered frame by frame with the standard limits. Each file's
/// mutations run in a child process (`LucidMutationProbe`) under an address-space cap, which reports
/// its own peak resident memory: tests run in parallel in one process, so only a child's peak is its
/// own. The codec set's files run `codecMutations` of their mutations each (`DICOMMutation.sample`):
/// all of them took 215 s of CPU in a debug build, its large JPEG 2000 and JPEG Lossless frames
/// decoded once per mutation.
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

    /// The 64 files of `../shared/dicom-codecs`.
    static var codecFiles: [String] {
        ((try? SampleCorpus.codecEntries()) ?? []).compactMap { $0["file"] as? String }.map(SampleCorpus.codecsPath)
    }

    /// Mutations run per codec-set file: an evenly spaced fixed subset of `DICOMMutation.all`.
    static let codecMutations = 48

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

    @Test("the codec set holds its 64 files to mutate")
    func codecSetPresent() {
        #expect(Self.codecFiles.count == 64, "\(Self.codecFiles.count) codec-set files")
    }

    @Test("every mutation gives a typed error naming the file, or an image; memory stays bounded", arguments: files)
    func mutate(path: String) throws {
        try probe(path, mutations: nil)
    }

    @Test(
        "codec set: sampled mutations give a typed error naming the file, or an image; memory stays bounded",
        arguments: codecFiles)
    func mutateCodecFile(path: String) throws {
        try probe(path, mutations: Self.codecMutations)
    }

    /// Runs the probe over `path`'s mutations (`mutations` of them evenly spaced when given) and checks
    /// its report: one line per mutation, errors naming the file, some refusals, the memory bound.
    private func probe(_ path: String, mutations: Int?) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
        let all = DICOMMutation.all(for: [UInt8](bytes), seed: Self.seed(path))
        let expected = mutations.map { DICOMMutation.sample(all, count: $0).count } ?? all.count
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.probe)
        process.arguments =
            [path, String(Self.seed(path)), String(Self.addressSpace)] + (mutations.map { [String($0)] } ?? [])
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
