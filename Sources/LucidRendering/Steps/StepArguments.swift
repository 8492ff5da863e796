/// The arguments of one step: `key=value` pairs separated by commas, or a single positional value
/// standing for the step's first parameter.
struct StepArguments {
    /// Value and its position within the step.
    private var values: [String: (String, Int)] = [:]
    private var positional: (String, Int)?
    private let parser: StepParser
    private let end: Int

    init(_ text: String, at start: Int, parser: StepParser) throws(StepsSyntaxError) {
        self.parser = parser
        self.end = start + text.count
        guard !text.isEmpty else { return }
        var position = start
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let piece = String(item)
            defer { position += piece.count + 1 }
            let trimmed = piece.trimmingCharacters(in: " ")
            guard !trimmed.isEmpty else { throw parser.fail(position, "empty argument") }
            if let equals = piece.firstIndex(of: "=") {
                let key = String(piece[..<equals]).trimmingCharacters(in: " ").lowercased()
                let value = String(piece[piece.index(after: equals)...]).trimmingCharacters(in: " ")
                guard !key.isEmpty else { throw parser.fail(position, "missing parameter name before '='") }
                guard values[key] == nil else { throw parser.fail(position, "parameter '\(key)' given twice") }
                values[key] = (value, position + piece.distance(from: piece.startIndex, to: equals) + 1)
            } else {
                guard positional == nil, values.isEmpty else {
                    throw parser.fail(position, "expected name=value")
                }
                positional = (trimmed, position)
            }
        }
    }

    func position(of key: String) -> Int { values[key]?.1 ?? positional?.1 ?? end }

    private func raw(_ key: String, positional allowed: Bool) -> (String, Int)? {
        if let value = values[key] { return value }
        if allowed, let positional { return positional }
        return nil
    }

    func number(_ key: String, default fallback: Double?, positional allowed: Bool = false) throws(StepsSyntaxError)
        -> Double
    {
        guard let (text, position) = raw(key, positional: allowed) else {
            if let fallback { return fallback }
            throw parser.fail(end, "missing \(key)")
        }
        guard let value = Double(text), value.isFinite else {
            throw parser.fail(position, "\(key) must be a number, got '\(text)'")
        }
        return value
    }

    func positive(_ key: String, default fallback: Double?, positional allowed: Bool = false) throws(StepsSyntaxError)
        -> Double
    {
        let value = try number(key, default: fallback, positional: allowed)
        guard value > 0 else { throw parser.fail(position(of: key), "\(key) must be greater than 0") }
        return value
    }

    func integer(_ key: String, default fallback: Int?, positional allowed: Bool = false) throws(StepsSyntaxError)
        -> Int
    {
        guard let (text, position) = raw(key, positional: allowed) else {
            if let fallback { return fallback }
            throw parser.fail(end, "missing \(key)")
        }
        guard let value = Int(text), value > 0 else {
            throw parser.fail(position, "\(key) must be a whole number greater than 0, got '\(text)'")
        }
        return value
    }

    func tiles(_ key: String, default fallback: (Int, Int)?) throws(StepsSyntaxError) -> (Int, Int) {
        guard let (text, position) = values[key] else {
            if let fallback { return fallback }
            throw parser.fail(end, "missing \(key)")
        }
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let x = Int(parts[0]), let y = Int(parts[1]), (1...64).contains(x), (1...64).contains(y)
        else { throw parser.fail(position, "\(key) must be COLUMNSxROWS, each 1...64, e.g. 8x8") }
        return (x, y)
    }

    /// Rejects parameters the step does not know.
    func finish(_ known: Set<String>) throws(StepsSyntaxError) {
        if known.isEmpty, let positional { throw parser.fail(positional.1, "this step takes no arguments") }
        for (key, value) in values where !known.contains(key) {
            let list = known.isEmpty ? "none" : known.sorted().joined(separator: ", ")
            throw parser.fail(value.1 - key.count - 1, "unknown parameter '\(key)' (known: \(list))")
        }
    }
}
