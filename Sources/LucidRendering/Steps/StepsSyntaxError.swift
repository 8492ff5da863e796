/// A `--steps` specification that does not parse, with the position of the fault.
public struct StepsSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The whole specification as given.
    public let text: String
    /// Zero-based character offset of the fault in `text`.
    public let position: Int
    public let message: String

    /// The message, then the specification with a caret under the fault.
    public var description: String {
        "invalid --steps at character \(position + 1): \(message)\n  \(text)\n  "
            + String(repeating: " ", count: position) + "^"
    }
}
