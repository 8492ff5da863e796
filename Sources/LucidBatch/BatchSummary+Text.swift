extension BatchSummary {
    /// `3 ok, 2 failed, 44 skipped (38 not DICOM, 6 already archived)`: the counts, the skipped
    /// ones by reason (most first).
    public var countsText: String {
        let reasons = Self.breakdown(skippedBy) { SkipReason(rawValue: $0)?.text ?? $0 }
        return "\(ok) ok, \(failed) failed, \(skipped) skipped" + (reasons.isEmpty ? "" : " (\(reasons))")
    }

    /// `40 pacs.upload, 1 dicom.truncatedPixelData`: the failed files by error code (most first);
    /// nil when none failed.
    public var failedByText: String? {
        failedBy.isEmpty ? nil : Self.breakdown(failedBy) { $0 }
    }

    /// One line per failure, in the order they finished: `PATH: REASON` for a failure of the file's
    /// own; files failing for a cause they share (`FileError.sharedCause`: a PACS that is down) as one
    /// line where the first of them finished, `40 file(s): PACS upload: not pushed: ...`. A cause
    /// met by one file alone keeps that file's own line. The per-file detail stays in the JSON lines
    /// and the run manifest.
    public var failureLines: [String] {
        var sharing: [String: Int] = [:]
        for failure in failures { if let cause = failure.sharedCause { sharing[cause, default: 0] += 1 } }
        var listed: Set<String> = []
        var lines: [String] = []
        for failure in failures {
            if let cause = failure.sharedCause, let count = sharing[cause], count > 1 {
                if listed.insert(cause).inserted { lines.append("\(count) file(s): \(cause)") }
                continue
            }
            lines.append(failure.reason.hasPrefix(failure.path) ? failure.reason : "\(failure.path): \(failure.reason)")
        }
        return lines
    }

    /// `2 saturated, 1 blank`: the flagged files by kind (most first); nil when none is flagged.
    public var flaggedByText: String? {
        flaggedBy.isEmpty ? nil : Self.breakdown(flaggedBy) { $0 }
    }

    /// `2 saturated (--fail-on saturated,blank)`: the flagged files that fail the run, by kind; nil
    /// when none does.
    public var failedOnText: String? {
        guard !failedOn.isEmpty else { return nil }
        return Self.breakdown(failedOn) { $0 } + " (--fail-on \(failOn.sorted().joined(separator: ",")))"
    }

    /// One line per flagged file, in the order the files finished: `PATH: KIND: MESSAGE`, a file's
    /// flags joined by `; `.
    public var flagLines: [String] {
        flagged.map { file in
            "\(file.path): " + file.flags.map { "\($0.kind): \($0.message)" }.joined(separator: "; ")
        }
    }

    /// One line per note, in the order the files finished: `PATH: NOTE`.
    public var noteLines: [String] {
        notes.map { "\($0.path): \($0.note)" }
    }

    /// A warning when the run found nothing to process (nil when it did, or was interrupted):
    /// - no file at all (empty folders, an empty `--files-from` list): `no input found: ...`;
    /// - files, but none DICOM or a 16-bit grayscale PNG: `no DICOM found among N file(s) (...)`;
    /// - only inputs that are missing or cannot be opened: `no input found: ...`.
    /// Finding nothing is not a failure (exit status 0 unless a file failed): an empty drop folder
    /// is the normal state of a watched folder between deliveries.
    public var inputWarning: String? {
        guard !interrupted else { return nil }
        let notImages = skippedBy.reduce(0) { sum, entry in
            sum + (SkipReason(rawValue: entry.key)?.isNotAnImage == true ? entry.value : 0)
        }
        let unopened = failedBy.reduce(0) { $0 + ($1.key.hasPrefix("input.") ? $1.value : 0) }
        guard files == notImages + unopened else { return nil }
        if files == 0 { return "no input found: the folders and lists given hold no file" }
        if notImages == 0 { return "no input found: every input is missing or cannot be opened" }
        let reasons = Self.breakdown(skippedBy.filter { SkipReason(rawValue: $0.key)?.isNotAnImage == true }) {
            SkipReason(rawValue: $0)?.text ?? $0
        }
        return "no DICOM found among \(files) file(s) (\(reasons)); nothing was processed"
    }

    /// `38 not DICOM, 6 already archived`: counts by key, most first, then by key.
    private static func breakdown(_ counts: [String: Int], name: (String) -> String) -> String {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.value) \(name($0.key))" }.joined(separator: ", ")
    }
}
