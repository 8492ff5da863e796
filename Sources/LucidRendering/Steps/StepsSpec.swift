import LucidImaging

/// A processing pipeline as written after `--steps`: steps separated by `|`, each `NAME[:ARGS]`.
///
/// ```
/// denoise:median:3 | clahe:clip=2,tiles=8x8 | unsharp:sigma=1.5,amount=0.6 | window:file
/// ```
///
/// | step | arguments (defaults) |
/// | --- | --- |
/// | `denoise:median:N`, `median:N` | kernel size N, odd, 3...255 |
/// | `denoise:gaussian:S`, `gaussian:sigma=S` | sigma in pixels (required) |
/// | `denoise:bilateral:...`, `bilateral:...` | `diameter=5,sigma-space=2,sigma-color=100` |
/// | `denoise:nlm:...`, `nlm:...` | `h=30,template=7,search=21` |
/// | `clahe:...` | `clip=2,tiles=8x8` (or `clahe:2`) |
/// | `equalize` (or `histeq`) | none |
/// | `unsharp:...` | `sigma=2,amount=1` |
/// | `window:SPEC` | any `--window` value: `file`, `file:2`, `lut:1`, `40,400`, `minmax`, `auto`, `lung`, ... |
///
/// A single value stands for the first parameter. The window, when given, must be the last step;
/// without one the pipeline ends in `window:file`.
public struct StepsSpec: Sendable, Equatable, CustomStringConvertible {
    public let steps: [ProcessingStep]
    /// Whether the specification named its window (otherwise `window:file` was appended).
    public let namesWindow: Bool

    public init(steps: [ProcessingStep]) {
        self.steps = steps
        self.namesWindow = steps.contains { if case .window = $0 { true } else { false } }
    }

    /// The pipeline in `--steps` syntax, as recorded in outputs.
    public var description: String { steps.map(\.description).joined(separator: " | ") }

    /// The steps before the window.
    public var filters: [ProcessingStep] { steps.filter { if case .window = $0 { false } else { true } } }

    /// The window step's specification.
    public var window: WindowSpec {
        for step in steps { if case .window(let spec) = step { return spec } }
        return .file(nil)
    }

    public init(parsing text: String) throws(StepsSyntaxError) {
        var steps: [ProcessingStep] = []
        let characters = Array(text)
        var start = 0
        var pieces: [(Int, String)] = []
        for index in 0...characters.count where index == characters.count || characters[index] == "|" {
            pieces.append((start, String(characters[start..<index])))
            start = index + 1
        }
        for (offset, piece) in pieces {
            let leading = piece.prefix { $0 == " " }.count
            let body = piece.trimmingCharacters(in: " ")
            guard !body.isEmpty else {
                throw StepsSyntaxError(
                    text: text, position: offset, message: "empty step (two '|' in a row, or a '|' at an end)")
            }
            if let last = steps.last, case .window = last {
                throw StepsSyntaxError(
                    text: text, position: offset + leading, message: "the window must be the last step")
            }
            steps.append(try StepParser(text: text, step: body, offset: offset + leading).parse())
        }
        namesWindow = steps.contains { if case .window = $0 { true } else { false } }
        if !namesWindow { steps.append(.window(.file(nil))) }
        self.steps = steps
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var slice = Substring(self)
        while slice.first == character { slice.removeFirst() }
        while slice.last == character { slice.removeLast() }
        return String(slice)
    }
}
