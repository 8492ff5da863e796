/// One action of PS3.15 Table E.1-1 (PS3.15 E.1.1, the key under the table).
public enum ActionCode: Character, Sendable, CaseIterable {
    /// Replace with a non-zero length value that may be a dummy value, consistent with the VR.
    case dummy = "D"
    /// Replace with a zero-length value (or a dummy value consistent with the VR).
    case empty = "Z"
    /// Remove.
    case remove = "X"
    /// Keep (unchanged for a plain value; for a sequence, its items cleaned).
    case keep = "K"
    /// Clean: replace with values of similar meaning free of identifying information.
    case clean = "C"
    /// Replace with a non-zero length UID, internally consistent within a set of instances.
    case uid = "U"
}

/// The text of one cell of Table E.1-1: one action code, or alternatives separated by `/` among
/// which the least disclosing that keeps the IOD valid is chosen (Z/D, X/Z, X/D, X/Z/D, X/Z/U*).
public struct ProfileAction: Sendable, Equatable, CustomStringConvertible {
    /// The codes in the order the table lists them; the first is the one to use when the IOD
    /// allows it.
    public let alternatives: [ActionCode]
    /// The `*` of `X/Z/U*`: the U is the replacement of the instance UIDs the sequence contains.
    public let replacesContainedUIDs: Bool

    /// Parses a cell: "D", "Z", "X", "K", "C", "U", or a combination such as "X/Z/D" or "X/Z/U*".
    /// Nil for anything else (an unknown letter, an empty part, a `*` not after the last U).
    public init?(code: String) {
        var codes: [ActionCode] = []
        var starred = false
        let parts = code.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            var letters = Array(part)
            if letters.last == "*" {
                guard index == parts.count - 1, letters.count == 2, letters.first == "U" else { return nil }
                starred = true
                letters.removeLast()
            }
            guard letters.count == 1, let action = ActionCode(rawValue: letters[0]), !codes.contains(action) else {
                return nil
            }
            codes.append(action)
        }
        guard !codes.isEmpty else { return nil }
        alternatives = codes
        replacesContainedUIDs = starred
    }

    public var description: String {
        alternatives.map { String($0.rawValue) }.joined(separator: "/") + (replacesContainedUIDs ? "*" : "")
    }

    /// The single action to apply (PS3.15 E.1.1): X unless Z is required (Type 2), Z or D unless D
    /// is required (Type 1), as the IOD's `type` for the attribute says. With the type unknown,
    /// the first code is taken (X for the X/ combinations, Z for Z/D): the table's own reading
    /// for an attribute the IOD does not require. A lone X on a known Type 2 or Type 1 attribute
    /// becomes Z or D. X/Z/U* always keeps the sequence with its references replaced (README,
    /// "Decisions").
    public func resolved(type: AttributeType?) -> ActionCode {
        if replacesContainedUIDs { return .uid }
        guard let type, type != .type3 else { return alternatives[0] }
        if alternatives == [.remove] {
            // A single X on an attribute the IOD requires: removing it would break the IOD, and an
            // empty (Type 2) or dummy (Type 1) value discloses nothing more.
            return type == .type1 ? .dummy : .empty
        }
        guard alternatives.count > 1 else { return alternatives[0] }
        if type == .type1 {
            if alternatives.contains(.dummy) { return .dummy }
            return alternatives.contains(.empty) ? .empty : alternatives[0]
        }
        return alternatives.contains(.empty) ? .empty : alternatives[0]
    }
}

/// Whether an IOD requires an attribute (PS3.5 §7.4): Type 1 with a value, Type 2 present but
/// possibly empty, Type 3 optional.
public enum AttributeType: Sendable, Equatable {
    case type1, type2, type3
}
