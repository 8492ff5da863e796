import LucidImaging

/// The parameters a caller gives an operation of ``OperationCatalog``, by their report names
/// (`sigma`, `sigma_space`, `kernel`, ...). A parameter left out takes the catalog's default.
public struct OperationArguments: Sendable, Equatable {
    /// The given values by name.
    public var values: [String: OperationValue]

    public init(_ values: [String: OperationValue] = [:]) {
        self.values = values
    }

    /// The value of `name`, `nil` when it was not given.
    public subscript(name: String) -> OperationValue? {
        get { values[name] }
        set { values[name] = newValue }
    }
}

/// Reads typed arguments of one operation, falling back to its defaults.
struct ArgumentReader {
    let operation: String
    let arguments: OperationArguments
    let defaults: [String: OperationValue]

    func value(_ name: String) -> OperationValue {
        // Every parameter an entry reads has a default (``OperationCatalog/defaults(of:bitsStored:)``).
        arguments[name] ?? defaults[name] ?? .text("")
    }

    func integer(_ name: String) throws(ImageOperationError) -> Int {
        switch value(name) {
        case .integer(let value): return value
        case .number(let value) where value == value.rounded() && abs(value) <= Double(Int32.max): return Int(value)
        case let other: throw invalid(name, other, "must be a whole number")
        }
    }

    func number(_ name: String) throws(ImageOperationError) -> Double {
        switch value(name) {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        case let other: throw invalid(name, other, "must be a number")
        }
    }

    /// A `COLUMNSxROWS` pair such as `8x8`; an empty count (`x4`) takes the default's.
    func size(_ name: String) throws(ImageOperationError) -> (Int, Int) {
        func counts(_ value: OperationValue?) -> [Substring] {
            (value?.description ?? "").lowercased().split(separator: "x", omittingEmptySubsequences: false)
        }
        let given = counts(value(name))
        let fallback = counts(defaults[name])
        guard given.count == 2 else { throw invalid(name, value(name), "must be COLUMNSxROWS, e.g. 8x8") }
        let pair = (0..<2).map { Int(given[$0].isEmpty && fallback.count == 2 ? fallback[$0] : given[$0]) }
        guard let columns = pair[0], let rows = pair[1] else {
            throw invalid(name, value(name), "must be COLUMNSxROWS, e.g. 8x8")
        }
        return (columns, rows)
    }

    func voiFunction(_ name: String) throws(ImageOperationError) -> VOIFunction {
        guard case .text(let text) = value(name), let function = VOIFunction(rawValue: text) else {
            throw invalid(name, value(name), "must be LINEAR, LINEAR_EXACT or SIGMOID")
        }
        return function
    }

    func invalid(_ name: String, _ value: OperationValue, _ rule: String) -> ImageOperationError {
        .invalidParameter(operation: operation, name: name, value: value.description, rule: rule)
    }
}
