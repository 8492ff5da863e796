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

    /// Checks that `bitsStored` lies in 1...16, the sample depths every operation takes.
    /// - Throws: ``invalidParameter(operation:name:value:rule:)`` for `operation`'s parameter
    ///   `bitsStored`, breaking `rule` (the wording that operation's errors use).
    static func checkBitsStored(_ bitsStored: Int, operation: String, rule: String = "must be 1...16")
        throws(ImageOperationError)
    {
        guard (1...16).contains(bitsStored) else {
            throw .invalidParameter(operation: operation, name: "bitsStored", value: "\(bitsStored)", rule: rule)
        }
    }
}
