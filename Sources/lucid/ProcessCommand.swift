import ArgumentParser
import Foundation
import LucidArchive
import LucidBatch
import LucidDeidentify
import LucidFiles
import LucidImaging
import LucidPACS
import LucidRendering

/// `lucid process INPUT... --archive DIR [--out DIR]`: the batch step. Every DICOM file (and 16-bit
/// grayscale PNG) among the inputs goes through a pipeline and is written as PNG/JPEG renditions
/// under `--out` and, with `--archive`, filed with its original and a derived DICOM into the archive.
struct ProcessCommand: AsyncParsableCommand {
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

    @OptionGroup(title: "De-identification") var deidentification: ProcessDeidentifyOptions

    func run() async throws {
        // A bad --drl file or key file ends the run (exit 2) before anything is created.
        let referenceLevels = try ReferenceLevelsFile.load(drlFile, command: "lucid process")
        let deidentifier = try deidentification.deidentifier()
        let lines = try LineReader.filesFrom(filesFrom)
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
        settings.deidentifier = deidentifier
        let sharing = deidentifier.map { SharedNames(pseudonymizer: $0.pseudonymizer) }
        // Made only when some input exists: a report opens its spool (and makes its folder) at once.
        let batchReport =
            creates ? report.map { BatchReport(path: $0, referenceLevels: settings.referenceLevels) } : nil
        // Created first so that the walker can recognise and skip them when they lie inside an input folder.
        if creates, let out { try? FolderMaker.create(out) }
        let walker = InputWalker(
            arguments: inputs, lines: lines, excluding: [out, archiveFolder].compactMap { $0 }, shard: try inputShard)
        let runner = BatchRunner(processor: FileProcessor(settings: settings), jobs: jobs)
        uploader?.whenHalted { halt in if halt.isConfiguration { runner.cancel() } }
        let reporter = BatchReporter(json: json, quiet: quiet, showProgress: !quiet && isatty(2) == 1)
        let manifest = RunManifest(
            options: try manifestOptions(settings), arguments: Array(CommandArguments.all.dropFirst()),
            withholdsInputs: sharing != nil)
        let stopReading = lines?.canceller
        interruption.onSignal {
            runner.cancel()
            stopReading?.cancel()
        }
        var summary = await runner.run(walker) { found in
            let event = sharing?.named(found) ?? found  // the manifest and report name no input
            reporter.report(event)
            manifest.record(Self.collect(sharing?.shared(event) ?? event, into: batchReport))
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
}
