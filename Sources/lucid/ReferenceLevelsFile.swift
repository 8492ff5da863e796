import LucidDose

/// `--drl FILE` of `lucid dose` and `lucid process`: the department's own diagnostic reference
/// levels (CSV `exam,modality,match,quantity,limit,unit,source`), or the built-in table.
enum ReferenceLevelsFile {
    /// The table of `path`, or `DRLTable.builtIn` without one; a file that cannot be read or parsed
    /// is said on standard error (after `command`, e.g. `lucid dose`) with its line and column, and
    /// ends the command with status 2.
    static func load(_ path: String?, command: String) throws -> DRLTable {
        guard let path else { return .builtIn }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            StandardError.write("\(command): --drl \(path): cannot be read as UTF-8 text")
            throw ProcessingFailure(status: 2)
        }
        do throws(DRLTableError) {
            return try DRLTable(csv: text, source: path)
        } catch {
            StandardError.write("\(command): --drl \(error.description)")
            throw ProcessingFailure(status: 2)
        }
    }
}
