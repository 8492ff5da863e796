import ArgumentParser
import Foundation
import LucidArchive
import LucidBatch
import LucidFiles
import LucidImaging
import LucidPACS
import LucidRendering

/// `lucid process INPUT... --archive DIR [--out DIR]`: the batch step. Every DICOM file (and 16-bit
/// grayscale PNG) among the inputs goes through a pipeline and is written as PNG/JPEG renditions
/// under `--out` and, with `--archive`, filed with its original and a derived DICOM into the archive.
struct ProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Process folders of DICOM images into renditions and a patient/study/series archive, in parallel.",
        discussion: """
            Inputs are files, folders (recursive, sorted by the bytes of the names) and --files-from lists (one path \
            a line, - for standard input; a line over 64 KiB, longer than any path, or holding a NUL fails as \
            LIST:LINE). Paths are bytes: names that are not UTF-8 are processed and shown as latin\\xe9.dcm; every \
            printed line shows control characters escaped. Outputs mirror the input tree under --out, relative to \
            the common root of the inputs: NAME.png, NAME.16.png, NAME.jpg (NAME is the full input file name, its \
            bytes kept; multi-frame files add .FRAME). Only regular files are read, each opened without blocking; \
            files that are not DICOM or 16-bit grayscale PNG by their first 132 bytes are skipped unread.
            --archive DIR files each DICOM image as DIR/PATIENT/DATE_STUDY/NUMBER_MODALITY_SERIES/ with the original \
            (SOP.dcm), the derived DICOM (DERIVED-SOP.derived.dcm) and the renditions (DERIVED-SOP.png...), indexed \
            in DIR/index.sqlite; an image already archived with the same recipe is skipped ("already archived"). An \
            archived original is never replaced: another file with its SOP Instance UID and other bytes is a conflict, \
            kept as SOP.conflict-HASH.dcm, not processed, and reported failed. A SOP Instance UID that is not \
            conformant is kept as stated when it is digits and dots (at most 64 characters), else replaced by a \
            2.25 UID derived from it; an empty one by a 2.25 UID derived from the file's SHA-256; the file is \
            archived (ok) with a note, and the index records the stated UID. Nothing below DIR is written through a \
            symbolic link.
            --archive dicomweb+http://HOST:PORT/PATH (or dicomweb+https://) pushes each image's original and derived \
            DICOM to that PACS by STOW-RS, each confirmed by QIDO-RS; --archive may be given twice, a folder and a \
            PACS. The user comes from --user or LUCID_DICOMWEB_USER, the password from LUCID_DICOMWEB_PASSWORD or a \
            netrc file (--netrc-file, default ~/.netrc), never from the command line. Each request to the PACS is \
            bounded: --pacs-timeout in all (default 120 s, plus 4 s per MiB uploaded) and --max-reply-size for its \
            reply (default 4 MiB); Ctrl-C gives up the requests in flight at once.
            The pipeline is --steps, --preset or --window, as in `lucid render` (default: each file's own window); \
            `lucid help steps`, `lucid help presets` and `lucid help windows` list them.
            --shard K/N processes a deterministic 1/N of the inputs (by a hash of each path relative to its input \
            root), so N machines can split one folder; --shard auto takes K/N from a Slurm job array \
            (SLURM_ARRAY_TASK_ID, _MIN, _COUNT) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX with --shard-count N).
            With --json, one JSON line per file {path, status, outputs, seconds, error, errorCode, skipReason, steps, \
            preset, notes} (notes: what Lucid did that the file did not ask for, e.g. an odd SOP Instance UID; [] \
            without one; also listed as note: lines on standard error unless --quiet) with flags (the first look, \
            below), and a final {"summary": {files, ok, failed, skipped, skippedBy, failedBy, flaggedBy, failedOn, \
            interrupted, seconds}} line on standard output (README, "Error codes" and skip reasons).
            The first look: each grayscale frame's stored values are looked at before the pipeline, and the file \
            flagged: flags [{kind, severity, message, ...}] ([] without one) in its JSON line, the manifest and the \
            archive index, a flag: line on standard error unless --quiet, counted in the summary (lucid: flagged: \
            1 saturated). saturated: at least 1 % of the in-field pixels (padding and uniform edge bands excluded) \
            at the largest stored value, in regions that do not run to the field's edge; not for CT. blank: the \
            central 99 % of the in-field pixels within 1/512 of the stored range (4 to 16 grey levels). Flags are \
            findings: the files stay ok. --fail-on KIND,... makes chosen kinds exit status 1 (kinds: saturated, \
            blank, deviation-index, drl, dose-check).
            Every run writes a manifest, lucid-run-<yyyyMMdd'T'HHmmss'Z'>-<pid>.json (start time, UTC), into --out \
            and into DIR/runs/ with --archive: the Lucid version, start and end times, the arguments and options, \
            every input with its status, preset, steps, the window used per frame, its outputs (relative to the \
            manifest's folder, with SHA-256 for archive files) and error, and the summary. It is written atomically \
            when the run ends, also when interrupted.
            --report FILE writes one self-contained HTML page at the end of the run (also when files failed or the \
            run was interrupted, then with a note): per study a header with its counts, then one row per file with \
            before/after thumbnails of its first processed frame (at most 192 pixels, embedded as data: URLs), \
            patient, study, series, preset, steps and window, flags by severity; failed and skipped files with their \
            reason. The page loads nothing from anywhere (its Content-Security-Policy forbids it). A report that \
            cannot be written is an error (exit status 1); the renditions, archive and manifest are not affected.
            No input found, or no DICOM among the inputs: a warning on standard error, exit status 0.
            Exit status: 0 every file done (skipped files included), 1 some file failed or has a --fail-on flag, 2 bad usage, 130 interrupted \
            by Ctrl-C (SIGINT), 143 by SIGTERM (the files in progress are finished, no partial file is left).
            """)

    @Argument(help: "DICOM files, 16-bit PNG files or folders.")
    var inputs: [String] = []

    @Option(
        name: [.customShort("o"), .customLong("out")],
        help: ArgumentHelp("Output folder for mirrored renditions (created when missing).", valueName: "dir"))
    var out: String?

    @Option(
        help: ArgumentHelp(
            "Archive folder (patient/study/series tree and index.sqlite, created when missing) or PACS "
                + "(dicomweb+http://HOST:PORT/PATH); may be given twice, a folder and a PACS.",
            valueName: "dir-or-url"))
    var archive: [String] = []

    @OptionGroup var pacsOptions: PACSOptions

    @Option(
        help: ArgumentHelp(
            "Process only shard K of N of the inputs (1 <= K <= N); auto: K/N from a Slurm job array or a "
                + "Kubernetes Indexed Job.", valueName: "K/N|auto"))
    var shard: String?

    @Option(
        name: .customLong("shard-count"),
        help: "With --shard auto in a Kubernetes Indexed Job: N, the Job's completions (Kubernetes does not export it)."
    )
    var shardCount: Int?

    @Option(
        name: .customLong("files-from"),
        help: "Read more input paths from FILE, one a line (at most 64 KiB, no NUL); - for standard input.")
    var filesFrom: String?

    @OptionGroup var pipeline: PipelineOptions

    @Option(
        help: ArgumentHelp(
            "Rendition: png, png16 (16-bit PNG) or jpeg; repeat for several (default png).", valueName: "format"))
    var format: [String] = []

    @Option(help: "JPEG quality, 1...100.")
    var quality = 95

    @Option(name: .customLong("png-compression"), help: PNGCompressionOption.help)
    var pngCompression = PNGCompressionOption.fast

    @Option(
        name: .customLong("jobs"),
        help: ArgumentHelp(
            "Files processed at once, 1...\(BatchRunner.maximumJobs) (default: all cores).", valueName: "jobs"))
    var jobsOption: Int?

    /// `--jobs`, or the number of cores (at most `BatchRunner.maximumJobs`).
    var jobs: Int { jobsOption ?? min(StripScheduler.availableThreads, BatchRunner.maximumJobs) }

    @Option(help: "Threads inside one image, 1...\(StripScheduler.maximumThreads) (default: cores / jobs, at least 1).")
    var threads: Int?

    @Option(help: "Only this frame (from 1) of each file; default every frame. A file with fewer frames is skipped.")
    var frame: Int?

    @Option(
        name: .customLong("rendition-frames"),
        help: ArgumentHelp(
            "Renditions for at most N frames of a multi-frame file, frames 1...N; 0 for every frame (default "
                + "\(ProcessSettings.defaultRenditionFrameLimit): a 10 s cine loop at 30 frames/s; more floods a "
                + "folder). The archive's derived DICOMs cover every frame.",
            valueName: "n"))
    var renditionFramesOption: Int?

    /// `--rendition-frames`, default `ProcessSettings.defaultRenditionFrameLimit`; 0 for every frame.
    var renditionFrames: Int { renditionFramesOption ?? ProcessSettings.defaultRenditionFrameLimit }

    @Option(
        help: ArgumentHelp(
            "Write an HTML report of the run to FILE (one self-contained page: before/after thumbnails, patient, "
                + "study, series, steps, window, flags per image); an existing file is replaced only when it is a "
                + "Lucid report.",
            valueName: "file"))
    var report: String?

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "Exit status 1 when a file has a flag of one of these kinds (\(FirstLook.kinds.joined(separator: ", "))); "
                + "comma-separated, may be repeated. The files stay ok.",
            valueName: "kind,..."))
    var failOn: [String] = []

    @Option(
        name: .customLong("drl"),
        help: ArgumentHelp(
            "Diagnostic reference levels for the drl flags: a CSV exam,modality,match,quantity,limit,unit,source "
                + "(default: the built-in table; see lucid dose --help).", valueName: "file"))
    var drlFile: String?

    @Flag(help: "One JSON line per finished file and a summary line on standard output.")
    var json = false

    @Flag(
        help:
            "No progress line and no summary (failures are still listed on standard error unless --json; JSON lines are still printed with --json)."
    )
    var quiet = false

    @OptionGroup var limits: LimitOptions

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

    func run() async throws {
        // A bad --drl file ends the run (exit 2) before anything is created.
        let referenceLevels = try ReferenceLevelsFile.load(drlFile, command: "lucid process")
        var lines: LineReader?
        if let filesFrom {
            do {
                lines = try LineReader(path: filesFrom)
            } catch {
                throw ValidationError("\(error)")
            }
        }
        let layout = out.map { OutputLayout(inputs: inputs, usesFilesFrom: filesFrom != nil, outputDirectory: $0) }
        let interruption = Interruption()
        // When no INPUT exists, nothing is created (no PACS asked, no folder, index or manifest).
        let creates = anyInputExists
        // The PACS is asked first, so a refused password stops the run before anything is written.
        var uploader: PACSUploader?
        if creates, let target = try pacsTarget {
            uploader = try await pacsOptions.uploader(for: target, batchSize: 16, interruption: interruption)
        }
        var opened: Archive?
        if creates, let archiveFolder {
            ArchiveLock.announceWait(root: archiveFolder)
            do {
                opened = try Archive(root: archiveFolder)
            } catch {
                StandardError.write("lucid: \(error)")
                throw ProcessingFailure(status: 1)
            }
        }
        var settings = ProcessSettings(
            recipe: try recipe, formats: try formats, quality: quality, threads: threadsPerJob, frame: frame,
            layout: layout, archive: opened, pacs: uploader, limits: try limits.readLimits(jobs: jobs),
            renditionFrameLimit: renditionFrames == 0 ? nil : renditionFrames)
        settings.pngCompression = pngCompression.compression
        settings.capturesReport = report != nil
        settings.referenceLevels = referenceLevels
        let batchReport = report.map { BatchReport(path: $0, referenceLevels: settings.referenceLevels) }
        // Created first so that the walker can recognise and skip them when they lie inside an input folder.
        if creates, let out { try? FolderMaker.create(out) }
        let walker = InputWalker(
            arguments: inputs, lines: lines, excluding: [out, archiveFolder].compactMap { $0 }, shard: try inputShard)
        let runner = BatchRunner(processor: FileProcessor(settings: settings), jobs: jobs)
        uploader?.whenHalted { halt in if halt.isConfiguration { runner.cancel() } }
        let reporter = BatchReporter(json: json, quiet: quiet, showProgress: !quiet && isatty(2) == 1)
        let manifest = RunManifest(
            options: try manifestOptions(settings), arguments: Array(CommandArguments.all.dropFirst()))
        let stopReading = lines?.canceller
        interruption.onSignal {
            runner.cancel()
            stopReading?.cancel()
        }
        var summary = await runner.run(walker) { event in
            reporter.report(event)
            manifest.record(Self.collect(event, into: batchReport))
        }
        interruption.stop()
        summary.failOn = try failOnKinds
        var status = summary.interrupted ? interruption.exitStatus : summary.exitStatus
        let pacsLine = uploader.map { "\($0.target): \((summary.pacs ?? PACSCounts()).text)" }
        do throws(ManifestWriteError) {
            let manifests = try creates ? manifest.write(summary: summary) : []
            reporter.finish(summary, manifests: manifests, pacs: pacsLine, nothingCreated: !creates)
        } catch {
            reporter.finish(summary, manifests: [], pacs: pacsLine)
            StandardError.write("lucid: \(error)")
            if status == 0 { status = 1 }
        }
        if creates, let batchReport, !writeReport(batchReport, summary: summary), status == 0 { status = 1 }
        if let halt = uploader?.halted {
            StandardError.write("lucid: \(halt.isConfiguration ? halt.message : halt.description)")
            if halt.isConfiguration { status = 1 }
        }
        if status != 0 { throw ProcessingFailure(status: status) }
    }

    /// The options as the run manifest records them.
    private func manifestOptions(_ settings: ProcessSettings) throws -> RunManifest.Options {
        let stepsText: String
        var presetName: String?
        switch settings.recipe {
        case .steps(let spec): stepsText = spec.description
        case .preset(let preset): (stepsText, presetName) = (preset.stepsText, preset.name)
        }
        return RunManifest.Options(
            preset: presetName, steps: stepsText, formats: settings.formats.map(\.rawValue), quality: quality,
            jobs: jobs,
            threads: threadsPerJob, frame: frame, out: out, archive: archiveFolder,
            pacs: try pacsTarget?.description, shard: try inputShard?.description)
    }
}
