import LucidImaging
import LucidRendering

/// Parses fuzzed text as a `--steps` pipeline, a `--preset` name and a `--window` value, checks
/// that a parsed pipeline reads back the same from its own recipe text (the recipe recorded in
/// outputs and in the archive), and runs valid pipelines on a tiny image.
enum StepsProbe {
    /// A small image with a ramp and an edge: enough for every kernel to do real work quickly.
    static let image: GrayImage<UInt16> = {
        let width = 11
        let height = 7
        let pixels = (0..<(width * height)).map { index in UInt16(truncatingIfNeeded: (index * 37) % 4096) }
        return GrayImage(width: width, height: height, pixels: pixels)
    }()

    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = PipelinePreset(name: text)
        if let window = try? WindowSpec(parsing: text) {
            let again = try? WindowSpec(parsing: window.description)
            precondition(again == window, "window '\(window)' does not read back the same")
        }
        guard let spec = try? StepsSpec(parsing: text) else { return }
        precondition(spec.steps.count >= 1, "a parsed pipeline has no steps")
        guard case .window = spec.steps[spec.steps.count - 1] else {
            preconditionFailure("the pipeline '\(spec)' does not end in its window")
        }
        let again: StepsSpec
        do throws(StepsSyntaxError) {
            again = try StepsSpec(parsing: spec.description)
        } catch {
            preconditionFailure("the recipe '\(spec)' does not parse: \(error)")
        }
        precondition(again.steps == spec.steps, "the recipe '\(spec)' reads back as '\(again)'")
        for bitsStored in [12, 16] {
            guard let executor = try? StepExecutor(steps: spec.filters, bitsStored: bitsStored) else { continue }
            let output = executor.apply(image, threads: 1)
            precondition(
                output.width == image.width && output.height == image.height,
                "'\(spec)' changed the image size")
        }
    }
}
