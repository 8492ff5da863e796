/// A dose or exposure value with its unit, as a report or header gives it and as Lucid writes it.
///
/// `unit` is the normalised UCUM spelling Lucid writes in JSON and tables (`mGy.cm`, `mGy`, `Gy.m2`,
/// `dGy.cm2`, `dGy`); `documentUnit` is the unit exactly as the document wrote it (`mGycm`,
/// `mGy.cm`), nil for a header attribute whose unit the standard fixes (PS3.3: DAP (0018,115E) in
/// dGy.cm2, Entrance Dose (0040,8302) in mGy, Organ Dose (0040,0316) in dGy).
public struct DoseQuantity: Sendable, Equatable {
    public var value: Double
    public var unit: String
    public var documentUnit: String?

    public init(value: Double, unit: String, documentUnit: String? = nil) {
        self.value = value
        self.unit = unit
        self.documentUnit = documentUnit
    }

    /// `{"value": number, "unit": text}`, the Q of `lucid dose --json`.
    public var jsonObject: [String: Any] { ["value": value, "unit": unit] }
}
