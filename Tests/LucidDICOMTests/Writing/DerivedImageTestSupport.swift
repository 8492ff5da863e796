import Foundation
import LucidDICOM
import LucidImaging
import LucidTestSupport

/// Derived images of the corpus files, built the same way for every test: the decoded frame with
/// its samples mirrored (max - sample), the file's first valid window (or none when it has a VOI
/// LUT), fixed clock.
enum DerivedSamples {
    static let recipe = "denoise:median:3 | window:file (Lucid 0.1.0)"
    static let date = Date(timeIntervalSince1970: 1_750_000_000)

    struct Derived {
        let source: DICOMImage
        let processed: GrayImage<UInt16>
        let window: Window?
        let derived: DerivedImage
        let bytes: [UInt8]
    }

    /// Names of the corpus files Lucid decodes.
    static var decodable: [String] { SampleCorpus.fileNames().filter { SampleOutcome.decodes($0) } }

    static func derive(_ name: String, frameIndex: Int = 0) throws -> Derived {
        let source = try DICOMImage(path: SampleCorpus.path(name))
        let frame = try source.frame(frameIndex)
        let encoding = source.pixel.encoding
        let maximum = UInt16(encoding.maximumSample)
        let processed = GrayImage(width: frame.width, height: frame.height, pixels: frame.pixels.map { maximum - $0 })
        let display = source.display(frame: frameIndex)
        let window: Window? =
            display.hasVOILUTSequence
            ? nil : display.windows.first { $0.isValid } ?? Window(center: 100, width: 400, explanation: "TEST")
        var derived = DerivedImage(
            source: source, frameIndex: frameIndex, processed: processed, encoding: encoding, recipe: recipe,
            window: window, softwareVersion: "0.1.0", contentDate: date)
        derived.timeZone = TimeZone(identifier: "UTC") ?? .current
        derived.derivationCodes = [.smoothing]
        return Derived(
            source: source, processed: processed, window: window, derived: derived, bytes: try derived.encode())
    }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lucid-writer-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
