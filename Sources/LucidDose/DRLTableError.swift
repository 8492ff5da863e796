/// What is wrong with a `--drl` CSV file, naming the file (`source`), the line (1-based) and the column.
public enum DRLTableError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The first line is not a header naming every column.
    case missingColumn(source: String, column: String)
    case fieldCount(source: String, line: Int, expected: Int, found: Int)
    case unterminatedQuote(source: String, line: Int)
    case emptyField(source: String, line: Int, column: String)
    case invalidValue(source: String, line: Int, column: String, value: String, reason: String)
    /// A header and no level.
    case noLevels(source: String)

    public var description: String {
        switch self {
        case .missingColumn(let source, let column):
            return "\(source):1: the header has no column '\(column)' (expected "
                + "\(DRLTable.columns.joined(separator: ",")))"
        case .fieldCount(let source, let line, let expected, let found):
            return "\(source):\(line): \(found) fields, expected \(expected)"
        case .unterminatedQuote(let source, let line):
            return "\(source):\(line): a quoted field is not closed"
        case .emptyField(let source, let line, let column):
            return "\(source):\(line): column '\(column)' is empty"
        case .invalidValue(let source, let line, let column, let value, let reason):
            return "\(source):\(line): column '\(column)': '\(value)' \(reason)"
        case .noLevels(let source):
            return "\(source): no reference level after the header"
        }
    }
}
