import ArgumentParser
import Foundation
import LucidArchive
import LucidBatch
import LucidFiles
import LucidImaging
import LucidPACS
import LucidRendering

/// What the options mean once parsed, and their checks before anything runs (exit 2 on a bad one).
extension ProcessCommand {
    var recipe: ProcessSettings.Recipe {
        get throws { try pipeline.recipe }
    }

    var formats: [RenditionFormat] {
        get throws {
            try format.map { name in
                guard let parsed = RenditionFormat(name: name) else {
                    throw ValidationError("unknown format '\(name)': use png, png16 or jpeg")
                }
                return parsed
            }
        }
    }

    var threadsPerJob: Int { threads ?? max(1, StripScheduler.defaultThreads / max(1, jobs)) }

    /// The `--archive` folder, when one is given.
    var archiveFolder: String? { archive.first { !PACSTarget.names($0) } }

    /// The `--archive` PACS, when one is given.
    var pacsTarget: PACSTarget? {
        get throws {
            guard let text = archive.first(where: PACSTarget.names) else { return nil }
            do {
                return try PACSTarget(parsing: text)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    var inputShard: InputShard? {
        get throws {
            guard let shard else {
                if shardCount != nil { throw ValidationError("--shard-count goes with --shard auto") }
                return nil
            }
            if shard != "auto", shardCount != nil { throw ValidationError("--shard-count goes with --shard auto") }
            do throws(InputShardError) {
                if shard == "auto" {
                    return try InputShard.fromScheduler(ProcessInfo.processInfo.environment, count: shardCount)
                }
                return try InputShard(parsing: shard)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    func validate() throws {
        _ = try recipe
        _ = try formats
        _ = try failOnKinds
        if inputs.isEmpty && filesFrom == nil {
            throw ValidationError("no inputs: give files or folders, or --files-from")
        }
        if out == nil && archive.isEmpty { throw ValidationError("give --out, --archive or both") }
        if out?.isEmpty == true { throw ValidationError("--out needs a folder") }
        if archive.contains(where: \.isEmpty) { throw ValidationError("--archive needs a folder or a PACS URL") }
        if archive.filter({ !PACSTarget.names($0) }).count > 1 || archive.filter(PACSTarget.names).count > 1 {
            throw ValidationError("--archive: give at most one folder and one PACS")
        }
        _ = try pacsTarget
        _ = try inputShard
        guard (1...BatchRunner.maximumJobs).contains(jobs) else {
            throw ValidationError("--jobs must be 1...\(BatchRunner.maximumJobs), not \(jobs)")
        }
        guard (1...StripScheduler.maximumThreads).contains(threadsPerJob) else {
            throw ValidationError("--threads must be 1...\(StripScheduler.maximumThreads), not \(threadsPerJob)")
        }
        _ = try limits.readLimits(jobs: jobs)
        guard (1...100).contains(quality) else { throw ValidationError("--quality must be 1...100") }
        if let frame, frame < 1 { throw ValidationError("--frame counts from 1") }
        guard renditionFrames >= 0 else { throw ValidationError("--rendition-frames must be 0 (every frame) or more") }
        try validateReport()
    }

    /// The options as the run manifest records them.
    func manifestOptions(_ settings: ProcessSettings) throws -> RunManifest.Options {
        let stepsText: String
        var presetName: String?
        switch settings.recipe {
        case .steps(let spec): stepsText = spec.description
        case .preset(let preset): (stepsText, presetName) = (preset.stepsText, preset.name)
        }
        var options = RunManifest.Options(
            preset: presetName, steps: stepsText, formats: settings.formats.map(\.rawValue), quality: quality,
            jobs: jobs,
            threads: threadsPerJob, frame: frame, out: out, archive: archiveFolder,
            pacs: try pacsTarget?.description, shard: try inputShard?.description)
        options.deidentify = deidentification.manifestEntry
        return options
    }
}
