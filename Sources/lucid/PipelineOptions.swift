import ArgumentParser
import LucidBatch
import LucidImaging
import LucidRendering

/// The pipeline options of `render` and `process`, with one meaning in both: `--steps` (filters,
/// then the window), `--preset NAME` (a named pipeline) and `--window SPEC` (the window alone,
/// ending the steps).
struct PipelineOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Pipeline: filters, then the window, e.g. \"denoise:median:3 | clahe:clip=2,tiles=8x8 | window:file\" "
                + "(default window:file; see `lucid help steps`).",
            valueName: "steps"))
    var steps: String?

    @Option(
        help: ArgumentHelp(
            "Named pipeline, e.g. auto, chest-xray, ct-lung; a CT window's name stands for the preset ending in it "
                + "(lung: ct-lung), else for that window alone (see `lucid help presets`).",
            valueName: "name"))
    var preset: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Window: file (default), file:N, lut:N, CENTER,WIDTH (e.g. -600,1500), minmax, auto, or a name such as "
                + "lung or ct-lung (see `lucid help windows`); the last step of the pipeline.",
            valueName: "spec"),
        transform: SignedOptionValue.text)
    var window: String?

    /// The pipeline: `--steps` with `--window` as their window (default `window:file`), or a preset.
    var recipe: ProcessSettings.Recipe {
        get throws {
            if steps != nil && preset != nil { throw ValidationError("give either --steps or --preset, not both") }
            if window != nil && preset != nil {
                throw ValidationError("give the window either with --window or through --preset, not both")
            }
            if let preset { return try Self.recipe(presetNamed: preset) }
            let text = steps ?? "window:file"
            let spec = try Self.parsed { () throws(StepsSyntaxError) in try StepsSpec(parsing: text) }
            guard let window else { return .steps(spec) }
            if steps != nil && spec.namesWindow {
                throw ValidationError("give the window either with --window or as the last step of --steps")
            }
            let windowSpec = try Self.parsed { () throws(WindowSpecError) in try WindowSpec(parsing: window) }
            return .steps(StepsSpec(steps: spec.filters + [.window(windowSpec)]))
        }
    }

    /// A preset by name; a CT window's name stands for the one preset ending in that window, else
    /// for a pipeline of that window alone.
    static func recipe(presetNamed name: String) throws -> ProcessSettings.Recipe {
        if let preset = PipelinePreset(name: name) { return .preset(preset) }
        if let window = WindowPreset(name: name) {
            guard let preset = PipelinePreset.ending(in: window) else {
                return .steps(StepsSpec(steps: [.window(.preset(window))]))
            }
            return .preset(preset)
        }
        throw ValidationError(
            "unknown preset '\(name)': use one of " + PipelinePreset.allCases.map(\.name).joined(separator: ", ")
                + ", or a CT window's name (" + WindowPreset.allCases.map(\.name).joined(separator: ", ") + ")")
    }

    /// The value `parse` returns, its error turned into a usage error.
    private static func parsed<Value, Failure: Error & CustomStringConvertible>(
        _ parse: () throws(Failure) -> Value
    ) throws -> Value {
        do {
            return try parse()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func validate() throws {
        _ = try recipe
    }
}
