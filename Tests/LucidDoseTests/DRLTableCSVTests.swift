import LucidDose
import Testing

/// `--drl FILE.csv`: quoting, and every error naming the file, the line and the column.
@Suite struct DRLTableCSVTests {
    static let header = "exam,modality,match,quantity,limit,unit,source"

    @Test("Quoted fields keep commas and quotes; columns may come in any order; comments are skipped")
    func parses() throws {
        let table = try DRLTable(
            csv: [
                "source,exam,match,modality,quantity,unit,limit", "# a comment",
                #""FANC, 2021",CT chest,"thorax{1,2}|""chest""",CT|cr,dlp,mGy.cm,260"#,
            ].joined(separator: "\n"), source: "t.csv")
        let level = try #require(table.levels.first)
        #expect(level.source == "FANC, 2021" && level.match == #"thorax{1,2}|"chest""#)
        #expect(level.modalities == ["CT", "CR"] && level.quantity == .dlp && level.limit.value == 260)
    }

    static let invalidTables: [(String, DRLTableError)] = [
        ("exam,modality,match,quantity,limit,source\nx,CT,a,dlp,1,s", .missingColumn(source: "t.csv", column: "unit")),
        (header + "\nx,CT,a,dlp,1,mGy.cm", .fieldCount(source: "t.csv", line: 2, expected: 7, found: 6)),
        (
            header + "\nx,CT,a,dlp,1,mGy.cm,s\nx,CT,a,dose,1,mGy,s",
            .invalidValue(
                source: "t.csv", line: 3, column: "quantity", value: "dose",
                reason: "is not one of dlpTotal, dlp, ctdiVol, dapTotal, dap")
        ),
        (
            header + "\nx,CT,a,dlp,-4,mGy.cm,s",
            .invalidValue(source: "t.csv", line: 2, column: "limit", value: "-4", reason: "is not a positive number")
        ),
        (
            header + "\nx,CT,a,ctdiVol,10,mGy.cm,s",
            .invalidValue(
                source: "t.csv", line: 2, column: "unit", value: "mGy.cm",
                reason: "is not a dose unit (mGy), as ctdiVol needs")
        ),
        (
            header + "\nx,CT,(head,dlp,10,mGy.cm,s",
            .invalidValue(
                source: "t.csv", line: 2, column: "match", value: "(head", reason: "is not a regular expression")
        ),
        (header + "\nx,CT,\"a,dlp,10,mGy.cm,s", .unterminatedQuote(source: "t.csv", line: 2)),
        (header + "\nx,CT,a,dlp,10,mGy.cm,", .emptyField(source: "t.csv", line: 2, column: "source")),
        (header + "\n", .noLevels(source: "t.csv")),
    ]

    @Test("Errors name the line and column", arguments: invalidTables)
    func errors(_ csv: String, _ expected: DRLTableError) {
        #expect(throws: expected) { try DRLTable(csv: csv, source: "t.csv") }
    }

    @Test("An error's text names the file, the line and the column")
    func message() {
        let error = DRLTableError.invalidValue(
            source: "t.csv", line: 3, column: "quantity", value: "dose", reason: "is not one of dlpTotal")
        #expect(error.description == "t.csv:3: column 'quantity': 'dose' is not one of dlpTotal")
    }
}
