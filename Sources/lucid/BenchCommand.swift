import ArgumentParser
import Foundation
import LucidBench
import LucidFiles
import LucidImaging

/// `lucid bench OP`: times one image operation in-process, the way Lucid's speed is reported.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time an image operation: warm-up, then K runs; median and minimum seconds and MP/s.",
        discussion: """
            OP is one of \(OperationRegistry.plannedNames.joined(separator: ", ")); this build runs \
            \(OperationRegistry.availableNames.joined(separator: ", ")) (the others exit 2, "unknown op"). \
            OP decode times pixel decoding instead: see below.

            The image is loaded or generated once. Without --input it is the synthetic 12-bit phantom of \
            --size (a smooth body-like shape with seeded noise, the same for the same --size, --bits and \
            --seed). --input reads DICOM (frame 1, stored samples, Bits Stored from the file), grayscale \
            PNG, or raw little-endian 16-bit samples with --raw WxH.

            MP/s is megapixels of input per second of the fastest run (best of --repeat). With --json, one \
            line: {"op", "width", "height", "threads", "repeat", "median_s", "min_s", "mp_per_s", "params"}.

            Operation parameters (defaults in brackets): window --center --width [2^(bits-1) each, sample \
            units] --function [linear]; clahe --clip [2.0] --tiles [8x8]; gaussian --sigma [1.5]; median \
            --radius R (kernel 2R+1) or --kernel N [3]: --size is the image size; bilateral --diameter [5] \
            --sigma-space [2] --sigma-color [100]; nlm --h [30] --template [7] --search [21]; unsharp \
            --sigma [2] --amount [1]. An option the operation does not use is an error.

            decode --input FILE [--frame N]: times decoding frame N (1-based, default 1) of a DICOM file from \
            its stored bytes (JPEG-LS, JPEG 2000, HTJ2K, JPEG, RLE or native), the file read and parsed once first. A \
            frame decodes on one thread; with --threads N each run decodes the frame N times at once, one \
            decode per thread, so MP/s is the throughput of N frames decoded in parallel (width x height x \
            N pixels per run) and the median the time of the whole batch. params: transfer_syntax (UID), \
            syntax (its name), frame, frames, bits (Bits Stored), decodes_per_run.

            Exit status: 0 timed, 1 the input could not be read or the output written, 2 bad usage.
            """)

    @Argument(help: "The operation to time.")
    var op: String

    @OptionGroup var image: BenchImageOptions

    @Option(help: "Threads the operation may use; the default is this machine's core count.")
    var threads = StripScheduler.defaultThreads

    @Option(name: .customLong("repeat"), help: "Timed runs.")
    var repeatCount = 5

    @Option(help: "Untimed runs before the timed ones.")
    var warmup = 1

    @OptionGroup var parameters: BenchParameterOptions

    @Option(help: "decode: the frame to decode, 1-based (default 1).")
    var frame: Int?

    @Option(help: "Write the last run's result here: a PNG, 8-bit for window, else 16-bit.")
    var output: String?

    @Flag(help: "Print one JSON object instead of a readable line.")
    var json = false

    func validate() throws {
        guard (1...StripScheduler.maximumThreads).contains(threads) else {
            throw ValidationError("--threads must be 1...\(StripScheduler.maximumThreads), not \(threads)")
        }
        guard repeatCount >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard warmup >= 0 else { throw ValidationError("--warmup must be at least 0") }
        try image.validate()
        _ = try parameters.parsed()
        if op == DecodeBenchCommand.name {
            try DecodeBenchCommand.validate(self)
            return
        }
        if frame != nil { throw ValidationError("--frame is an option of decode only") }
        guard OperationRegistry.plannedNames.contains(op), OperationRegistry.availableNames.contains(op) else {
            throw ValidationError(
                BenchSetupError.unknownOperation(op, available: OperationRegistry.availableNames).description)
        }
    }

    func run() throws {
        if op == DecodeBenchCommand.name { return try DecodeBenchCommand.run(self) }
        let (syntheticSize, rawSize) = (try image.syntheticSize, try image.rawSize)
        let operationParameters = try parameters.parsed()
        let input: BenchImage
        do throws(BenchInputError) {
            input = try image.load(syntheticSize: syntheticSize, rawSize: rawSize)
        } catch {
            if case .samplesExceedBits = error { throw ValidationError(error.description) }
            StandardError.write("lucid: \(error)")
            throw ProcessingFailure()
        }
        let operation: BenchOperation
        do throws(BenchSetupError) {
            operation = try OperationRegistry.operation(
                named: op, parameters: operationParameters, bitsStored: input.bitsStored, threads: threads)
        } catch {
            throw ValidationError(error.description)
        }
        let runner = BenchRunner(image: input.image, repeatCount: repeatCount, warmUpCount: warmup)
        let (timing, result) = try runner.run(operation.run)
        if let output { try write(result, to: output) }
        let report = BenchReport(
            operation: op, width: input.image.width, height: input.image.height, threads: operation.threads,
            timing: timing, parameters: operation.parameters)
        print(json ? report.jsonLine : report.text)
    }

    func write(_ result: BenchOutput, to path: String) throws {
        do {
            try AtomicFileWriter.write(try result.pngBytes(), to: path)
        } catch {
            StandardError.write("lucid: cannot write \(path): \(error)")
            throw ProcessingFailure()
        }
    }
}
