import ArgumentParser
import LucidDICOM

/// The read limits settable on `info`, `render` and `process`: `--max-image-memory SIZE`, the
/// ceiling on the image a header may declare (`ReadLimits.maximumImageBytes`, which also bounds
/// every decoder's buffers); `--max-file-size SIZE`, the largest input read, standard input
/// included (`ReadLimits.maximumFileBytes`); `--max-frames N`, the most frames an image may
/// declare (`ReadLimits.maximumFrames`); and `--max-memory SIZE`, the memory budget of the whole
/// run, divided among the jobs running at once (`ReadLimits.memoryBudget` of each).
struct LimitOptions: ParsableArguments {
    @Option(
        name: .customLong("max-image-memory"),
        help: ArgumentHelp(
            "Largest image a header may declare, Rows x Columns x Frames x Bits Allocated / 8, e.g. 512MiB or 4GiB "
                + "(default \(ByteSize.describe(ReadLimits.standard.maximumImageBytes))).",
            valueName: "size"))
    var maxImageMemory: String?

    @Option(
        name: .customLong("max-file-size"),
        help: ArgumentHelp(
            "Largest input file (or standard input) read, e.g. 1GiB "
                + "(default \(ByteSize.describe(ReadLimits.standard.maximumFileBytes))).",
            valueName: "size"))
    var maxFileSize: String?

    @Option(
        name: .customLong("max-frames"),
        help: ArgumentHelp(
            "Most frames an image may declare in Number of Frames (0028,0008), refused before any frame is "
                + "decoded (default \(ReadLimits.standard.maximumFrames): real multi-frame images, enhanced CT and "
                + "MR, cine, tomosynthesis, stay well below).",
            valueName: "n"))
    var maxFrames: Int?

    @Option(
        name: .customLong("max-memory"),
        help: ArgumentHelp(
            "Memory the images of the run may take, shared by the files processed at once (each of --jobs N gets "
                + "SIZE / N), checked before a file is read, inflated or decoded: a file needs its size, its inflated "
                + "data set and \(ReadLimits.workingCopies) working copies of a frame at 2 bytes a sample, plus a "
                + "copy of every frame when pushing to a PACS without an archive folder (default: half of this "
                + "machine's memory, "
                + "\(ByteSize.approximate(MachineMemory.defaultBudget))).",
            valueName: "size"))
    var maxMemory: String?

    /// The least memory budget a job may have: below it no real image fits, so a smaller one is
    /// taken for a mistyped size (`--max-memory 4` for 4 bytes).
    static let minimumJobBudget = 1 << 20

    /// The read limits of a single job (`info`, `render`): see `readLimits(jobs:)`.
    var readLimits: ReadLimits {
        get throws { try readLimits(jobs: 1) }
    }

    /// The read limits of each of `jobs` jobs running at once: the standard ones, with
    /// `--max-image-memory`, `--max-file-size` and `--max-frames` when given, and a memory budget of
    /// `--max-memory` (default `MachineMemory.defaultBudget`) divided by `jobs`.
    func readLimits(jobs: Int) throws -> ReadLimits {
        var limits = ReadLimits.standard
        if let maxImageMemory {
            limits.maximumImageBytes = try SizeOption.bytes(maxImageMemory, option: "--max-image-memory")
        }
        if let maxFileSize { limits.maximumFileBytes = try SizeOption.bytes(maxFileSize, option: "--max-file-size") }
        if let maxFrames {
            guard maxFrames >= 1 else { throw ValidationError("--max-frames must be at least 1") }
            limits.maximumFrames = maxFrames
        }
        let total =
            try maxMemory.map { text in try SizeOption.bytes(text, option: "--max-memory") }
            ?? MachineMemory.defaultBudget
        let jobs = max(1, jobs)
        limits.memoryBudget = total / jobs
        guard limits.memoryBudget >= Self.minimumJobBudget else {
            let share = jobs == 1 ? "" : " shared by \(jobs) jobs leaves each \(ByteSize.approximate(total / jobs));"
            throw ValidationError(
                "--max-memory \(ByteSize.approximate(total)) is too small:\(share) every job needs at least "
                    + "\(ByteSize.describe(Self.minimumJobBudget)); raise --max-memory"
                    + (jobs == 1 ? "" : " or lower --jobs"))
        }
        return limits
    }

    func validate() throws {
        _ = try readLimits
    }
}
