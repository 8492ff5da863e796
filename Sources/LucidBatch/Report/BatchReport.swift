import LucidDose
import LucidFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The batch report of `lucid process --report FILE`, built as the files finish and written once at
/// the end of the run.
///
/// Memory stays bounded whatever the number of files: each row is rendered to HTML as it is added
/// and appended to a spool file beside the report (created, then unlinked at once, so it disappears
/// with the process whatever happens), and only its place in the spool, its study and its sort key
/// are kept (about a hundred bytes a file, plus one small header per study). `write` assembles the
/// page from the spool, study by study, into a temporary file next to `path` and renames it over
/// `path`, so a reader never sees a partial report. Rows of a study are in series order, then path
/// order; studies in the order their first file finished; the files without a study last.
///
/// The page itself is capped for the browser that opens it: a row's two thumbnails weigh about
/// 10 to 40 KB, so only the first `thumbnailLimit` files done get them (2,000 by default, a page of
/// at most about 80 MB); the files after are listed without, and the page says how many.
///
/// Used from one task (the batch's report callback); not thread-safe.
public final class BatchReport {
    public let path: String
    /// 2,000: the files done shown with thumbnails; the others are listed without.
    public static let defaultThumbnailLimit = 2_000
    private let thumbnailLimit: Int
    private var thumbnailRows = 0
    private var rowsWithoutThumbnails = 0
    /// Each study's dose totals against their reference levels, by Study Instance UID; a study
    /// without an entry shows none. Known only once every dose report is read, so it may be set (or
    /// replaced) any time before `write`.
    public var studyDose: [String: [ReportDose]]
    private var spool: Int32 = -1
    private var spoolSize = 0
    private var entries: [Entry] = []
    private var studies: [String: ReportStudy] = [:]
    private var studyOrder: [String] = []
    private var counts = (files: 0, ok: 0, failed: 0, skipped: 0)
    /// The first failure of the spool; `write` reports it.
    private var failure: ReportWriteError?

    private struct Entry {
        let study: String
        let series: Int
        let path: String
        let offset: Int
        let length: Int
    }

    /// - Parameter studyDose: each study's dose totals against their reference levels, by Study
    ///   Instance UID; a study without an entry shows none.
    ///   `thumbnailLimit`: the files done shown with thumbnails, default `defaultThumbnailLimit`.
    /// The reference levels the study totals are shown against (`ReportDose.figures`).
    public let referenceLevels: DRLTable
    /// The dose reports added, summed per study (`StudyDose`), for studies `studyDose` does not name.
    private var studyReports: [String: StudyDose] = [:]

    public init(
        path: String, studyDose: [String: [ReportDose]] = [:], referenceLevels: DRLTable = .builtIn,
        thumbnailLimit: Int = BatchReport.defaultThumbnailLimit
    ) {
        self.path = path
        self.referenceLevels = referenceLevels
        self.thumbnailLimit = thumbnailLimit
        self.studyDose = studyDose
        // Opened before any input is walked, so a walk of the report's own folder never meets it.
        do throws(ReportWriteError) {
            try openSpool()
        } catch {
            failure = error
        }
    }

    deinit {
        if spool >= 0 { close(spool) }
    }

    /// Adds a finished file's row.
    public func add(_ row: ReportRow) {
        var row = row
        if row.thumbnails != nil {
            if thumbnailRows < thumbnailLimit {
                thumbnailRows += 1
            } else {
                row.thumbnails = nil
                rowsWithoutThumbnails += 1
            }
        }
        counts.files += 1
        switch row.status {
        case .ok: counts.ok += 1
        case .failed: counts.failed += 1
        case .skipped: counts.skipped += 1
        }
        let key = row.identity?.studyInstanceUID ?? ""
        if studies[key] == nil {
            studies[key] = ReportStudy(key: key, identity: row.identity, dose: studyDose[key] ?? [])
            studyOrder.append(key)
        }
        studies[key]?.add(row)
        guard failure == nil else { return }
        let html = Array(BatchReportHTML.row(row).utf8)
        guard AtomicFileWriter.writeAll(html, to: spool) else {
            failure = .system(path, "write the spool file")
            return
        }
        let series = Int(row.identity?.seriesNumber ?? "") ?? Int.max
        entries.append(Entry(study: key, series: series, path: row.path, offset: spoolSize, length: html.count))
        spoolSize += html.count
    }

    /// Counts a dose report (`facts.kind == .rdsr`) read from `path` in its study's totals, each report
    /// once (`StudyDose.add`); other facts add nothing.
    public func addDose(_ facts: DoseFacts, path: String) {
        guard facts.kind == .rdsr, let study = facts.studyInstanceUID else { return }
        var summed = studyReports[study] ?? StudyDose(studyInstanceUID: study)
        summed.add(facts, path: path)
        studyReports[study] = summed
    }

    /// Writes the page: a head with the run's counts, `generated` (when, by which Lucid) and `note`
    /// (e.g. that the run was interrupted), then every study with its rows.
    public func write(generated: String, note: String? = nil) throws(ReportWriteError) {
        if let failure { throw failure }
        for key in studyOrder {
            let summed = studyReports[key].map { ReportDose.figures(of: $0, levels: referenceLevels) } ?? []
            studies[key]?.dose = studyDose[key] ?? summed
        }
        let (directory, name) = Self.split(path)
        let temporary = directory + AtomicFileWriter.temporaryName(for: name)
        let output = FileSystemName.withCPath(temporary) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        guard output >= 0 else { throw .system(path, "create temporary file \(temporary)") }
        do throws(ReportWriteError) {
            try assemble(into: output, generated: generated, note: note)
            guard fsync(output) == 0 else { throw .system(path, "flush \(temporary) to disk") }
            guard close(output) == 0 else { throw .system(path, "close \(temporary)") }
            let renamed = FileSystemName.withCPath(temporary) { from in
                FileSystemName.withCPath(path) { to in rename(from, to) }
            }
            guard renamed == 0 else { throw .system(path, "rename \(temporary) to \(path)") }
        } catch {
            close(output)
            FileSystemName.withCPath(temporary) { _ = unlink($0) }
            throw error
        }
    }

    private func assemble(into output: Int32, generated: String, note: String?) throws(ReportWriteError) {
        let countsText =
            "\(ReportStudy.count(counts.files, "file")): \(counts.ok) ok, \(counts.failed) failed, "
            + "\(counts.skipped) skipped"
        var notes = note.map { [$0] } ?? []
        if rowsWithoutThumbnails > 0 {
            notes.append(
                "Thumbnails are shown for the first \(thumbnailLimit) files done; "
                    + "\(ReportStudy.count(rowsWithoutThumbnails, "more file")) listed without.")
        }
        try emit(BatchReportHTML.head(counts: countsText, generated: generated, notes: notes), to: output)
        let byStudy = Dictionary(grouping: entries, by: \.study)
        let order = studyOrder.filter { !$0.isEmpty } + studyOrder.filter(\.isEmpty)
        for key in order {
            guard let study = studies[key] else { continue }
            try emit(BatchReportHTML.studyHeader(study), to: output)
            let rows = (byStudy[key] ?? []).sorted { ($0.series, $0.path) < ($1.series, $1.path) }
            for entry in rows {
                var bytes = [UInt8](repeating: 0, count: entry.length)
                let read = bytes.withUnsafeMutableBytes {
                    pread(spool, $0.baseAddress, entry.length, off_t(entry.offset))
                }
                guard read == entry.length else { throw .system(path, "read the spool file") }
                guard AtomicFileWriter.writeAll(bytes, to: output) else { throw .system(path, "write the report") }
            }
            try emit(BatchReportHTML.studyFoot, to: output)
        }
        try emit(BatchReportHTML.foot, to: output)
    }

    private func emit(_ text: String, to output: Int32) throws(ReportWriteError) {
        guard AtomicFileWriter.writeAll(Array(text.utf8), to: output) else { throw .system(path, "write the report") }
    }

    /// Opens the spool file `.NAME.spool-<pid>` beside the report (creating the report's folder when
    /// missing) and unlinks it at once.
    private func openSpool() throws(ReportWriteError) {
        let (directory, name) = Self.split(path)
        if directory.count > 1, !FolderMaker.isFolder(directory) {
            do throws(FileWriteError) {
                try FolderMaker.create(String(directory.dropLast()))
            } catch {
                throw .system(path, "create the folder \(directory)")
            }
        }
        let spoolPath = directory + "." + name + ".spool-" + String(getpid(), radix: 16)
        let descriptor = FileSystemName.withCPath(spoolPath) {
            open($0, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        }
        guard descriptor >= 0 else { throw .system(path, "create the spool file \(spoolPath)") }
        FileSystemName.withCPath(spoolPath) { _ = unlink($0) }
        spool = descriptor
    }

    /// The directory prefix with its trailing `/` ("" for a bare name) and the file name.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }
}
