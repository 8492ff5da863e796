/// One finding of the first look: something a technologist should know before an image or study
/// leaves the room (a dose above its reference level, an exposure outside its target, a saturated
/// or blank image). A flag is a finding, not a failure: `lucid process --fail-on KIND` makes chosen
/// kinds fail a run.
public struct Flag: Sendable, Equatable {
    /// How much it matters: `warning` (worth a look), `alert` (tell the radiologist or physicist).
    public enum Severity: String, Sendable, CaseIterable, Comparable {
        case warning
        case alert

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    /// A value of a flag's details: text, a number, or a quantity with its unit.
    public enum Detail: Sendable, Equatable {
        case text(String)
        case number(Double)
        case quantity(DoseQuantity)

        public var jsonValue: Any {
            switch self {
            case .text(let text): return text
            case .number(let number): return number
            case .quantity(let quantity): return quantity.jsonObject
            }
        }
    }

    /// The kind, stable for scripts and `--fail-on`: `drl`, `deviation-index`, `dose-check`,
    /// `saturated`, `blank`, ...
    public var kind: String
    public var severity: Severity
    /// One sentence for people, naming the value and what it was compared with.
    public var message: String
    /// Extra keys of the flag's JSON object (`exam`, `quantity`, `value`, `limit`, `source`, ...).
    public var details: [String: Detail]

    public init(kind: String, severity: Severity, message: String, details: [String: Detail] = [:]) {
        self.kind = kind
        self.severity = severity
        self.message = message
        self.details = details
    }

    /// `{"kind","severity","message", ...details}`.
    public var jsonObject: [String: Any] {
        var object: [String: Any] = ["kind": kind, "severity": severity.rawValue, "message": message]
        for (key, detail) in details where object[key] == nil { object[key] = detail.jsonValue }
        return object
    }
}
