import Foundation
import LucidFiles
import LucidRendering

extension RunManifest {
    /// The manifest as a JSON object, keys sorted when encoded:
    /// `{"arguments","directory","ended","files","lucidVersion","options","started","summary"}`.
    /// Output paths are relative to `folder` (absolute) when they share a folder other than `/` with it.
    func document(files: [FileOutcome], summary: BatchSummary, ended: Date, folder: String) -> [String: Any] {
        var object = run.recordFields(ended: ended, version: LucidVersion.current)
        object["options"] = optionsObject
        object["files"] = files.map { fileObject($0, folder: folder) }
        object["summary"] = summary.jsonObject
        if withholdsInputs {
            object["arguments"] = NSNull()
            object["directory"] = NSNull()
        }
        return object
    }

    /// `{"archive","formats","frame","jobs","out","pacs","preset","quality","shard","steps","threads"}`, with
    /// `--deidentify` also `"deidentify"`.
    var optionsObject: [String: Any] {
        var object: [String: Any] = [
            "preset": options.preset ?? NSNull(), "steps": options.steps, "formats": options.formats,
            "quality": options.quality, "jobs": options.jobs, "threads": options.threads,
            "frame": options.frame ?? NSNull(), "out": options.out ?? NSNull(), "archive": options.archive ?? NSNull(),
            "pacs": options.pacs ?? NSNull(), "shard": options.shard ?? NSNull(),
        ]
        if let deidentify = options.deidentify { object["deidentify"] = deidentify }
        return object
    }

    /// `{"error","errorCode","flags","notes","outputs":[{"path","sha256"}],"path","preset","seconds","skipReason",
    /// "status","steps","windows"}` (`flags` as in the JSON lines, `[]` without one),
    /// with a PACS also `"pacs":{"alreadyPresent","failed","uploaded"}`, with steps skipped `"skippedSteps"`.
    func fileObject(_ outcome: FileOutcome, folder: String) -> [String: Any] {
        let outputs = outcome.outputs.map { output -> [String: Any] in
            let absolute = FileSystemPath.absolute(output, base: run.directory)
            return [
                "path": FileSystemPath.relative(absolute, to: folder),
                "sha256": outcome.sha256[output] ?? NSNull(),
            ]
        }
        var object: [String: Any] = [
            "path": outcome.path, "status": outcome.status.rawValue, "outputs": outputs,
            "seconds": (outcome.seconds * 1000).rounded() / 1000, "error": outcome.error ?? NSNull(),
            "errorCode": outcome.errorCode ?? NSNull(), "steps": outcome.steps ?? NSNull(),
            "preset": outcome.preset ?? NSNull(), "skipReason": outcome.skipReason?.rawValue ?? NSNull(),
            "windows": outcome.windows.map(\.jsonObject), "notes": outcome.notes,
            "flags": outcome.flags.map(\.jsonObject),
        ]
        if let pacs = outcome.pacs { object["pacs"] = pacs.jsonObject }
        if !outcome.skippedSteps.isEmpty { object["skippedSteps"] = outcome.skippedSteps }
        return object
    }
}
