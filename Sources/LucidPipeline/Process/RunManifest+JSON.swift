import Foundation

extension RunManifest {
    /// The manifest as a JSON object, keys sorted when encoded:
    /// `{"arguments","directory","ended","files","lucidVersion","options","started","summary"}`.
    /// Output paths are relative to `folder` (absolute) when they share a folder other than `/` with it.
    func document(files: [FileOutcome], summary: BatchSummary, ended: Date, folder: String) -> [String: Any] {
        [
            "lucidVersion": LucidVersion.current,
            "started": Self.timestamp(started),
            "ended": Self.timestamp(ended),
            "directory": directory,
            "arguments": arguments,
            "options": optionsObject,
            "files": files.map { fileObject($0, folder: folder) },
            "summary": summary.jsonObject,
        ]
    }

    /// `{"archive","formats","frame","jobs","out","pacs","preset","quality","shard","steps","threads"}`.
    var optionsObject: [String: Any] {
        [
            "preset": options.preset ?? NSNull(), "steps": options.steps, "formats": options.formats,
            "quality": options.quality, "jobs": options.jobs, "threads": options.threads,
            "frame": options.frame ?? NSNull(), "out": options.out ?? NSNull(), "archive": options.archive ?? NSNull(),
            "pacs": options.pacs ?? NSNull(), "shard": options.shard ?? NSNull(),
        ]
    }

    /// `{"error","outputs":[{"path","sha256"}],"path","preset","seconds","status","steps","windows"}`, with a
    /// PACS also `"pacs":{"alreadyPresent","failed","uploaded"}`, with steps skipped `"skippedSteps"`.
    func fileObject(_ outcome: FileOutcome, folder: String) -> [String: Any] {
        let outputs = outcome.outputs.map { output -> [String: Any] in
            let absolute = FileSystemPath.absolute(output, base: directory)
            return [
                "path": FileSystemPath.relative(absolute, to: folder),
                "sha256": outcome.sha256[output] ?? NSNull(),
            ]
        }
        var object: [String: Any] = [
            "path": outcome.path, "status": outcome.status.rawValue, "outputs": outputs,
            "seconds": (outcome.seconds * 1000).rounded() / 1000, "error": outcome.error ?? NSNull(),
            "steps": outcome.steps ?? NSNull(), "preset": outcome.preset ?? NSNull(),
            "windows": outcome.windows.map(\.jsonObject),
        ]
        if let pacs = outcome.pacs { object["pacs"] = pacs.jsonObject }
        if !outcome.skippedSteps.isEmpty { object["skippedSteps"] = outcome.skippedSteps }
        return object
    }

    /// ISO 8601 in UTC with milliseconds: `2025-01-02T03:04:05.678Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// Pretty-printed JSON with sorted keys and a final newline; nil when a value cannot be
    /// written as JSON.
    static func encode(_ object: [String: Any]) -> [UInt8]? {
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = JSONText.data(object, options: options) else { return nil }
        return [UInt8](data) + [UInt8(ascii: "\n")]
    }
}
