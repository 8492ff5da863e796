import GRDB
import LucidFiles

/// The index's own checks, run before anything it records is trusted.
enum IndexIntegrity {
    /// The tables `verify` and `ls` read.
    static let tables = ["patients", "studies", "series", "instances", "files"]
    /// The longest indexed path accepted as plausible, in bytes (Linux's `PATH_MAX`).
    static let longestPath = 4096

    /// SQLite's own check, then the schema: the findings, empty when the index is sound.
    /// - Parameter full: `PRAGMA integrity_check` (also compares every index with its table, so a
    ///   changed byte inside a recorded path is found) when true; `PRAGMA quick_check` (pages and
    ///   records only, linear time) when false.
    /// - Throws: `ArchiveError.index` for a schema newer than this version reads.
    static func findings(_ db: Database, path: String, full: Bool) throws -> [String] {
        let limit = ArchiveError.findingLimit
        let check = full ? "integrity_check" : "quick_check"
        let rows = try String.fetchAll(db, sql: "PRAGMA \(check)(\(limit))")
        guard rows == ["ok"] else { return rows.map { "\(check): \($0)" } }
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard version <= ArchiveSchema.version else {
            throw ArchiveError.index(
                path: path,
                reason: "schema version \(version) is newer than this lucid reads (up to \(ArchiveSchema.version)); "
                    + "use a newer lucid")
        }
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        return tables.filter { !present.contains($0) }.map { "no table \($0) (schema version \(version))" }
    }

    /// Why an indexed file record is implausible, or nil: the path must be relative, at most
    /// `longestPath` bytes, without empty, `.` or `..` components or control characters; the size
    /// must not be negative and the SHA-256 must be 64 lower-case hex digits.
    static func problem(path: String, size: Int64, sha256: String) -> String? {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.utf8.count > longestPath { return "an indexed path of \(path.utf8.count) bytes" }
        if path.unicodeScalars.contains(where: TerminalText.isControl) || path.hasPrefix("/")
            || components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
        {
            return "implausible indexed path \"\(TerminalText.escaped(path))\""
        }
        if size < 0 { return "\(path): indexed size \(size)" }
        if sha256.utf8.count != 64
            || !sha256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        {
            return "\(path): implausible indexed SHA-256 \"\(TerminalText.escaped(sha256))\""
        }
        return nil
    }
}

extension ArchiveReader {
    /// Runs SQLite's check of the index (see `IndexIntegrity.findings`).
    /// - Throws: `ArchiveError.damagedIndex` naming the index and SQLite's first findings.
    public func checkIndex(full: Bool) throws(ArchiveError) {
        let findings = try read { db in try IndexIntegrity.findings(db, path: indexPath, full: full) }
        guard findings.isEmpty else { throw .damagedIndex(path: indexPath, findings: findings) }
    }
}
