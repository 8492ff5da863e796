/// A parameter an image operation cannot work with. Operations validate their parameters when they
/// are built, so a running kernel never meets a bad one.
public enum ImageOperationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `operation`'s parameter `name` has `value`, which breaks `rule` (e.g. "must be odd and >= 3").
    case invalidParameter(operation: String, name: String, value: String, rule: String)

    public var description: String {
        switch self {
        case .invalidParameter(let operation, let name, let value, let rule):
            return "\(operation): \(name) = \(value) is invalid: it \(rule)."
        }
    }
}
