import Foundation

/// Diagnostic reference levels: `builtIn` (Belgium's FANC levels) or a CSV file (`--drl FILE`) with
/// the header `exam,modality,match,quantity,limit,unit,source` (any column order), one level a line:
/// `modality` one or more DICOM modality codes separated by `|` (empty: any), `match` a
/// case-insensitive regular expression, `quantity` one of `ReferenceLevel.Quantity` (`dlpTotal`,
/// `dlp`, `ctdiVol`, `dapTotal`, `dap`), `limit` a number, `unit` a UCUM dose unit of that quantity
/// (`mGy`, `mGy.cm`, `Gy.cm2`, `mGy.cm2`, `Gy.m2`, ...). Fields may be quoted with `"` (RFC 4180);
/// empty lines and lines starting with `#` are skipped.
public struct DRLTable: Sendable, Equatable {
    public static let columns = ["exam", "modality", "match", "quantity", "limit", "unit", "source"]

    public var levels: [ReferenceLevel]

    public init(levels: [ReferenceLevel]) { self.levels = levels }

    /// Parses a CSV table; `source` names it in errors (the file's path).
    public init(csv: String, source: String) throws(DRLTableError) {
        var rows: [(line: Int, fields: [String])] = []
        for (index, text) in csv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = text.hasSuffix("\r") ? String(text.dropLast()) : String(text)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            guard let fields = Self.fields(of: line) else {
                throw .unterminatedQuote(source: source, line: index + 1)
            }
            rows.append((index + 1, fields))
        }
        guard let header = rows.first else { throw .missingColumn(source: source, column: Self.columns[0]) }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var position: [String: Int] = [:]
        for column in Self.columns {
            guard let found = names.firstIndex(of: column.lowercased()) else {
                throw .missingColumn(source: source, column: column)
            }
            position[column] = found
        }
        var levels: [ReferenceLevel] = []
        for row in rows.dropFirst() {
            guard row.fields.count == names.count else {
                throw .fieldCount(source: source, line: row.line, expected: names.count, found: row.fields.count)
            }
            let value = { (column: String) -> String in
                row.fields[position[column] ?? 0].trimmingCharacters(in: .whitespaces)
            }
            levels.append(try Self.level(value, line: row.line, source: source))
        }
        guard !levels.isEmpty else { throw .noLevels(source: source) }
        self.levels = levels
    }

    private static func level(_ value: (String) -> String, line: Int, source: String) throws(DRLTableError)
        -> ReferenceLevel
    {
        for column in ["exam", "match", "quantity", "limit", "unit", "source"] where value(column).isEmpty {
            throw .emptyField(source: source, line: line, column: column)
        }
        guard let quantity = ReferenceLevel.Quantity(rawValue: value("quantity")) else {
            throw .invalidValue(
                source: source, line: line, column: "quantity", value: value("quantity"),
                reason: "is not one of " + ReferenceLevel.Quantity.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let limit = Double(value("limit")), limit.isFinite, limit > 0 else {
            throw .invalidValue(
                source: source, line: line, column: "limit", value: value("limit"), reason: "is not a positive number")
        }
        guard let unit = DoseUnit(value("unit")), unit.lengthPower == quantity.lengthPower else {
            let kinds = [
                "a dose unit (mGy)", "a dose length product unit (mGy.cm)", "a dose area product unit (Gy.m2)",
            ]
            throw .invalidValue(
                source: source, line: line, column: "unit", value: value("unit"),
                reason: "is not \(kinds[quantity.lengthPower]), as \(quantity.rawValue) needs")
        }
        do {
            _ = try NSRegularExpression(pattern: value("match"), options: [.caseInsensitive])
        } catch {
            throw .invalidValue(
                source: source, line: line, column: "match", value: value("match"),
                reason: "is not a regular expression")
        }
        let modalities = value("modality").split(separator: "|").map {
            $0.trimmingCharacters(in: .whitespaces).uppercased()
        }.filter { !$0.isEmpty }
        return ReferenceLevel(
            exam: value("exam"), modalities: modalities, match: value("match"), quantity: quantity,
            limit: DoseQuantity(value: limit, unit: unit.ucum, documentUnit: value("unit")), source: value("source"))
    }

    /// The fields of one CSV line (RFC 4180 quoting, `""` a quote inside quotes); nil when a quote is not closed.
    static func fields(of line: String) -> [String]? {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var characters = line.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        current.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !quoted else { return nil }
        fields.append(current)
        return fields
    }
}
