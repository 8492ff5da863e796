import Foundation
import LucidArchive
import LucidPACS

extension FileProcessor {
    /// The reason reported for an image whose original and derived instances the PACS holds already.
    public static let alreadyInPACS = "already in the PACS"

    /// Without an archive folder: true (and the outcome set to skipped) when the PACS holds the
    /// original and every derived instance of `plan`, whose UIDs are known before any pixel is
    /// processed. False when it lacks one or cannot say (the push then reports why).
    /// - Throws: `FileFailure` when the uploader was cancelled (the run is interrupted): nothing
    ///   is processed for a PACS that will not be asked again.
    func pacsHoldsEverything(of plan: ArchivePlan, path: String, outcome: inout FileOutcome) throws(FileFailure)
        -> Bool
    {
        guard let pacs = settings.pacs else { return false }
        let uids = plan.instanceUIDs
        let answer = BlockingTask.run { await pacs.present(uids) }
        if pacs.isCancelled { throw FileFailure("\(path): not processed: interrupted") }
        guard case .success(let present) = answer, Set(uids).isSubset(of: present) else { return false }
        outcome.status = .skipped
        outcome.error = Self.alreadyInPACS
        outcome.pacs = PACSCounts(alreadyPresent: uids.count)
        return true
    }

    /// Pushes the original and derived DICOMs just made (renditions are not DICOM), recording the
    /// results in the archive index when there is one. Without a folder the messages name the
    /// input and the frame.
    func pushProduced(_ files: [ArchiveFile], plan: ArchivePlan, path: String, outcome: inout FileOutcome) {
        guard let pacs = settings.pacs else { return }
        let dicom = files.filter { $0.role != .rendition }
        let items = dicom.map { file in
            PushItem(
                name: settings.archive?.absolute(file.path) ?? Self.name(of: file, plan: plan, input: path),
                bytes: Data(file.bytes), sopInstanceUID: file.sopInstanceUID)
        }
        let results = BlockingTask.run { await pacs.push(items) }
        record(results, paths: dicom.map(\.path), digests: dicom.map(\.sha256), outcome: &outcome)
        apply(results, to: &outcome)
    }

    /// Pushes an image the archive held already, from the archive's files, when the PACS lacks them.
    func pushArchived(_ plan: ArchivePlan, outcome: inout FileOutcome) {
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
            items.append(PushItem(name: location, bytes: bytes, sopInstanceUID: file.sopInstanceUID))
            sent.append(file)
        }
        let ready = items
        let results = BlockingTask.run { await pacs.push(ready) }
        record(results, paths: sent.map(\.path), digests: sent.map(\.sha256), outcome: &outcome)
        apply(results + unreadable, to: &outcome)
    }

    /// Records the results in the archive index (when there is one); an index failure fails the file.
    /// After the uploader was cancelled only confirmed results are recorded: the failures of an
    /// interrupted push say nothing of the PACS.
    private func record(_ results: [PushResult], paths: [String], digests: [String], outcome: inout FileOutcome) {
        guard let archive = settings.archive, let pacs = settings.pacs else { return }
        var attempts: [PACSAttempt] = []
        for (index, result) in results.enumerated() where index < paths.count && index < digests.count {
            if pacs.isCancelled && !result.isConfirmed { continue }
            attempts.append(
                PACSAttempt(
                    path: paths[index], sopInstanceUID: result.sopInstanceUID, sha256: digests[index],
                    confirmed: result.isConfirmed, error: result.failure))
        }
        do throws(ArchiveError) {
            try archive.recordPACSAttempts(pacs: pacs.target.description, attempts)
        } catch {
            outcome.status = .failed
            outcome.error = [outcome.error, error.description].compactMap { $0 }.joined(separator: "; ")
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
            outcome.status = .failed
            outcome.error = failures.joined(separator: "; ")
        } else if outcome.status == .skipped, counts.uploaded > 0 {
            outcome.status = .ok
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
