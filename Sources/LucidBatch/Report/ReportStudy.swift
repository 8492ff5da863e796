/// A study's header in the batch report: the facts of its first row, its files' counts, and its
/// dose totals as given to the report.
struct ReportStudy {
    /// The Study Instance UID; "" for the files without one (not DICOM, unreadable).
    let key: String
    /// The first row's identity; nil for the files without a study.
    let identity: ReportIdentity?
    var files = 0
    var failed = 0
    var skipped = 0
    var alerts = 0
    var warnings = 0
    /// The study's dose totals against their reference levels; empty when none was given.
    var dose: [ReportDose] = []

    init(key: String, identity: ReportIdentity?, dose: [ReportDose]) {
        self.key = key
        self.identity = key.isEmpty ? nil : identity
        self.dose = dose
    }

    mutating func add(_ row: ReportRow) {
        files += 1
        if row.status == .failed { failed += 1 }
        if row.status == .skipped { skipped += 1 }
        alerts += row.flags.count { $0.severity == .alert }
        warnings += row.flags.count { $0.severity == .warning }
    }

    /// `3 files, 1 failed, 1 skipped, 2 alerts, 1 warning`: the counts that are not zero after the files.
    var countsText: String {
        var parts = [Self.count(files, "file")]
        if failed > 0 { parts.append("\(failed) failed") }
        if skipped > 0 { parts.append("\(skipped) skipped") }
        if alerts > 0 { parts.append(Self.count(alerts, "alert")) }
        if warnings > 0 { parts.append(Self.count(warnings, "warning")) }
        return parts.joined(separator: ", ")
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
