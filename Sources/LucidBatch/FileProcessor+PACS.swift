import Foundation
import LucidArchive
import LucidPACS

/// An upload to the PACS that processing a file asks for, run by `FileProcessor.upload`.
package enum PACSUpload: Sendable {
    /// The original and derived DICOMs just made (renditions are not DICOM).
    case produced(files: [ArchiveFile], plan: ArchivePlan, path: String)
    /// An image the archive held already, sent from the archive's files when the PACS lacks them.
    case archived(ArchivePlan)
}

/// A file processed but for its PACS uploads (`FileProcessor.prepare`).
package struct PreparedFile: Sendable {
    package var outcome: FileOutcome
    package var uploads: [PACSUpload]
    /// When processing the file began, for `FileOutcome.seconds`.
    let start: DispatchTime
    /// The file's archive files, staged and waiting for `FileProcessor.commit`.
    var store: PendingStore? = nil
    /// The file's turn among the files sharing its SOP Instance UID, done once `store` is filed.
    var turn: ArchiveTurns.Turn? = nil

    /// Whether `FileProcessor.commit` has something to make durable for this file.
    var needsCommit: Bool { store != nil || !outcome.unsettled.isEmpty }
}

extension FileProcessor {
    /// The reason reported for an image whose original and derived instances the PACS holds already.
    public static let alreadyInPACS = SkipReason.alreadyInPACS.text

    /// Without an archive folder: true (and the outcome set to skipped) when the PACS holds the
    /// original and every derived instance of `plan`, whose UIDs are known before any pixel is
    /// processed. False when it lacks one or cannot say (the push then reports why), and for an
    /// original without a SOP Instance UID, which no PACS holds.
    /// - Throws: `FileError.interrupted` when the uploader was cancelled (the run is interrupted):
    ///   nothing is processed for a PACS that will not be asked again.
    func pacsHoldsEverything(of plan: ArchivePlan, path: String, outcome: inout FileOutcome) async throws(FileError)
        -> Bool
    {
        guard let pacs = settings.pacs, !plan.identity.statedSOPInstanceUID.isEmpty else { return false }
        let uids = plan.statedInstanceUIDs
        let answer = await pacs.present(uids)
        if pacs.isCancelled { throw .interrupted(path: path, .beforeProcessing) }
        guard case .success(let present) = answer, Set(uids).isSubset(of: present) else { return false }
        outcome.skip(.alreadyInPACS)
        outcome.pacs = PACSCounts(alreadyPresent: uids.count)
        return true
    }

    /// Asks for the push of the original and derived DICOMs just made, when there is a PACS.
    func pushProduced(_ files: [ArchiveFile], plan: ArchivePlan, path: String, uploads: inout [PACSUpload]) {
        guard settings.pacs != nil else { return }
        uploads.append(.produced(files: files.filter { $0.role != .rendition }, plan: plan, path: path))
    }

    /// Asks for the push of an image the archive held already, when there is a PACS.
    func pushArchived(_ plan: ArchivePlan, uploads: inout [PACSUpload]) {
        guard settings.pacs != nil, settings.archive != nil else { return }
        uploads.append(.archived(plan))
    }

    /// Runs the uploads `prepared` asks for, in order, recording the results in the archive index
    /// when there is one, and returns the finished outcome.
    package func upload(_ prepared: PreparedFile) async -> FileOutcome {
        var outcome = prepared.outcome
        for upload in prepared.uploads {
            switch upload {
            case .produced(let files, let plan, let path):
                await push(files, plan: plan, path: path, outcome: &outcome)
            case .archived(let plan):
                await push(archived: plan, outcome: &outcome)
            }
        }
        return finished(PreparedFile(outcome: outcome, uploads: [], start: prepared.start))
    }

    /// The outcome of a file whose uploads are done, with the seconds it took.
    package func finished(_ prepared: PreparedFile) -> FileOutcome {
        var outcome = prepared.outcome
        outcome.seconds = Double(DispatchTime.now().uptimeNanoseconds - prepared.start.uptimeNanoseconds) / 1e9
        return outcome
    }

    /// Pushes the DICOMs just made. Without a folder the messages name the input and the frame.
    private func push(_ dicom: [ArchiveFile], plan: ArchivePlan, path: String, outcome: inout FileOutcome) async {
        guard let pacs = settings.pacs else { return }
        let items = dicom.map { file in
            PushItem(
                name: settings.archive?.absolute(file.path) ?? Self.name(of: file, plan: plan, input: path),
                bytes: Data(file.bytes),
                sopInstanceUID: file.role == .original ? plan.identity.statedSOPInstanceUID : file.sopInstanceUID)
        }
        let results = await pacs.push(items)
        record(
            results, files: dicom.map { ($0.path, $0.sopInstanceUID, $0.sha256) }, outcome: &outcome)
        apply(results, to: &outcome)
    }

    /// Pushes an image the archive held already, from the archive's files, when the PACS lacks them.
    private func push(archived plan: ArchivePlan, outcome: inout FileOutcome) async {
        guard let pacs = settings.pacs, let archive = settings.archive else { return }
        let paths = plan.instancePaths
        let files: [PushableFile]
        do throws(ArchiveError) {
            files = try archive.pushableFiles(pacs: pacs.target.description, paths: paths)
        } catch {
            apply(
                [PushResult(name: outcome.path, sopInstanceUID: "", status: .failed(error.description))], to: &outcome)
            return
        }
        var items: [PushItem] = []
        var sent: [PushableFile] = []
        var unreadable: [PushResult] = []
        for file in files {
            let location = archive.absolute(file.path)
            guard let bytes = FileManager.default.contents(atPath: location) else {
                let reason = "\(location): cannot read"
                unreadable.append(
                    PushResult(name: location, sopInstanceUID: file.sopInstanceUID, status: .failed(reason)))
                continue
            }
            items.append(PushItem(name: location, bytes: bytes, sopInstanceUID: file.statedSOPInstanceUID))
            sent.append(file)
        }
        let results = await pacs.push(items)
        record(results, files: sent.map { ($0.path, $0.sopInstanceUID, $0.sha256) }, outcome: &outcome)
        apply(results + unreadable, to: &outcome)
    }

    /// Records the results in the archive index (when there is one), each under its file's path,
    /// indexed SOP Instance UID (the archive key) and SHA-256; an index failure fails the file.
    /// After the uploader was cancelled only confirmed results are recorded: the failures of an
    /// interrupted push say nothing of the PACS.
    private func record(
        _ results: [PushResult], files: [(path: String, uid: String, sha256: String)], outcome: inout FileOutcome
    ) {
        guard let archive = settings.archive, let pacs = settings.pacs else { return }
        var attempts: [PACSAttempt] = []
        for (result, file) in zip(results, files) {
            if pacs.isCancelled && !result.isConfirmed { continue }
            attempts.append(
                PACSAttempt(
                    path: file.path, sopInstanceUID: file.uid, sha256: file.sha256, confirmed: result.isConfirmed,
                    error: result.failure))
        }
        do throws(ArchiveError) {
            try archive.recordPACSAttempts(pacs: pacs.target.description, attempts)
        } catch {
            outcome.status = .failed
            outcome.skipReason = nil
            outcome.error = [outcome.error, error.description].compactMap { $0 }.joined(separator: "; ")
            outcome.failure = .archive(path: outcome.path, error)
        }
    }

    /// Counts the results into the outcome: any failure fails the file (with every reason); an image
    /// skipped as archived that had to be uploaded now is reported done.
    private func apply(_ results: [PushResult], to outcome: inout FileOutcome) {
        var counts = outcome.pacs ?? PACSCounts()
        counts.add(results)
        outcome.pacs = counts
        let failures = results.compactMap(\.failure)
        if !failures.isEmpty {
            var causes: [String] = []
            for result in results {
                guard let reason = result.failure else { continue }
                let cause =
                    reason.hasPrefix(result.name + ": ") ? String(reason.dropFirst(result.name.count + 2)) : reason
                if !causes.contains(cause) { causes.append(cause) }
            }
            outcome.fail(.pacs(path: outcome.path, reasons: failures, causes: causes))
        } else if outcome.status == .skipped, counts.uploaded > 0 {
            outcome.status = .ok
            outcome.skipReason = nil
            outcome.error = nil
        }
    }

    /// `INPUT` for the original, `INPUT (derived, frame N)` for a derived instance.
    private static func name(of file: ArchiveFile, plan: ArchivePlan, input: String) -> String {
        guard file.role == .derived else { return input }
        let frame = plan.frames.first { plan.derivedSOPInstanceUID(frame: $0) == file.sopInstanceUID }
        return "\(input) (derived, frame \(frame.map(String.init) ?? "?"))"
    }
}
