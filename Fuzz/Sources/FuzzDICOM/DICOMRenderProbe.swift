import Foundation
import LucidDICOM
import LucidDose
import LucidImaging
import LucidRendering

/// Takes fuzzed bytes the way `lucid render`, `lucid info` and `lucid process` do: parse the file
/// (every transfer syntax, deflate included), describe it, decode frames (native of 1 to 64 bits,
/// RLE, JPEG 8 and 12-bit, JPEG Lossless, JPEG-LS, JPEG 2000, HTJ2K) into their stored values and
/// render them to 8 and 16 bits: grayscale through the display pipeline, colour as RGB; read its dose
/// (a dose report's SR content tree, the header's dose attributes) as `lucid dose` does.
///
/// Any thrown error is an acceptable outcome; a crash, a sanitizer report or a broken invariant
/// (`precondition`) is a finding.
enum DICOMRenderProbe {
    /// Tighter than `ReadLimits.standard` (2^28 pixels a frame, 2 GiB inflated, no memory budget)
    /// so that a header asking for a huge frame is refused in microseconds instead of spending the
    /// run zeroing memory; the checks exercised are the same, the memory budget's included.
    static let limits = ReadLimits(
        maximumInflatedBytes: 64 << 20, maximumFramePixels: 1 << 20, memoryBudget: 256 << 20)

    static func run(_ bytes: [UInt8]) {
        guard let file = try? DICOMFile(bytes: bytes, source: "fuzz.dcm", limits: limits) else { return }
        _ = AutoPreset.choose(for: file.dataSet)
        describe(file)
        readDose(file)
        guard let image = try? DICOMImage(file: file, limits: limits) else { return }
        let frameCount = image.pixel.numberOfFrames
        precondition(frameCount >= 1, "an image without frames was accepted")
        for frame in Set([1, 2, frameCount]) where frame <= frameCount {
            if let stored = try? image.storedFrame(frame - 1) {
                precondition(
                    stored.samples.count == image.pixel.pixelsPerFrame * image.pixel.samplesPerPixel,
                    "a stored frame of \(stored.samples.count) samples")
            }
            render(image, options: RenderOptions(frame: frame, threads: 1))
        }
        render(image, options: RenderOptions(window: .automatic, depth: 16, threads: 1))
        render(image, options: RenderOptions(window: .minmax, fallback: .minmax, threads: 1))
        render(image, options: RenderOptions(window: .lookupTable(1), threads: 1))
    }

    /// Reads the file as `lucid dose` and `lucid process` do: a dose report's content tree (SR) or the
    /// header's dose attributes, their flags against the built-in reference levels, its JSON line.
    private static func readDose(_ file: DICOMFile) {
        let facts = DoseFacts(dataSet: file.dataSet)
        let flags = facts.flags(referenceLevels: .builtIn)
        precondition(facts.kind != .none || flags.isEmpty, "flags for a file without dose: \(flags)")
        _ = facts.jsonObject(path: file.source, flags: flags)
    }

    /// Builds `lucid info`'s report; its JSON must be a readable object that names the file.
    private static func describe(_ file: DICOMFile) {
        let report = ImageReport(file: file, limits: limits)
        _ = report.text
        let json = ImageReport.json([report])
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        precondition(object?["file"] as? String == file.source, "lucid info --json gave no report: \(json)")
    }

    /// Renders one frame; a rendering must have the frame's size and the depth asked for.
    private static func render(_ image: DICOMImage, options: RenderOptions) {
        guard let rendering = try? Renderer.render(image, options: options) else { return }
        let pixels = image.pixel.rows * image.pixel.columns
        if rendering.isColor {
            let samples = options.depth == 8 ? rendering.color8?.samples.count : rendering.color16?.samples.count
            precondition(samples == 3 * pixels, "colour rendering of the wrong size")
        } else if options.depth == 8 {
            precondition(rendering.image8?.pixels.count == pixels, "8-bit rendering of the wrong size")
        } else {
            precondition(rendering.image16?.pixels.count == pixels, "16-bit rendering of the wrong size")
        }
        precondition(
            rendering.width == image.pixel.columns && rendering.height == image.pixel.rows,
            "rendering \(rendering.width)x\(rendering.height) of a \(image.pixel.columns)x\(image.pixel.rows) image")
    }
}
