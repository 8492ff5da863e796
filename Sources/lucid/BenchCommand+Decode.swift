import ArgumentParser
import LucidBench
import LucidDICOM

/// `lucid bench decode`: the time to decode one frame of a DICOM file (see `DecodeBench`).
enum DecodeBenchCommand {
    static let name = "decode"

    /// decode needs --input, takes --frame 1 or more, and none of the image operations' options.
    static func validate(_ command: BenchCommand) throws {
        guard command.image.input != nil else { throw ValidationError("decode needs --input FILE, a DICOM file") }
        if command.image.raw != nil || command.image.bits != nil || command.output != nil {
            throw ValidationError("decode takes --input, --frame, --threads, --repeat, --warmup and --json only")
        }
        if let stray = try command.parameters.parsed().suppliedNames.first {
            throw ValidationError("decode does not use --\(stray.replacingOccurrences(of: "_", with: "-"))")
        }
        if let frame = command.frame, frame < 1 { throw ValidationError("--frame must be at least 1, not \(frame)") }
    }

    static func run(_ command: BenchCommand) throws {
        let path = command.image.input ?? ""
        let bench: DecodeBench
        let timing: BenchTiming
        do throws(BenchInputError) {
            bench = try DecodeBench.load(path: path, frame: command.frame ?? 1, threads: command.threads)
        } catch {
            StandardError.write("lucid: \(error.description)")
            throw ProcessingFailure()
        }
        do throws(DICOMError) {
            timing = try bench.time(repeatCount: command.repeatCount, warmUpCount: command.warmup)
        } catch {
            StandardError.write("lucid: \(error.description)")
            throw ProcessingFailure()
        }
        let report = BenchReport(
            operation: name, width: bench.image.pixel.columns, height: bench.image.pixel.rows,
            threads: bench.decodesPerRun, timing: timing, parameters: bench.parameters)
        print(command.json ? report.jsonLine : report.text)
    }
}
