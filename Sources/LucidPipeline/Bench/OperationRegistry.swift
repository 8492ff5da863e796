import LucidImaging

/// Builds the operations `lucid bench` can time from their parsed parameters.
///
/// Each operation is one case of ``makeOperation(_:_:bitsStored:threads:)``: it reads its
/// parameters (filling in defaults), builds the validated kernel, and wraps its `apply`.
/// Names in ``plannedNames`` without a case report "unknown op" until their kernel exists.
public enum OperationRegistry {
    /// Every operation name `lucid bench` knows of, in the order help texts list them.
    public static let plannedNames = ["window", "histeq", "clahe", "gaussian", "median", "bilateral", "nlm", "unsharp"]

    /// The names this build can run.
    public static var availableNames: [String] {
        plannedNames.filter { name in
            (try? makeOperation(name, BenchParameters(), bitsStored: 12, threads: 1)) != nil
        }
    }

    /// The operation `name` with `parameters`, for images of `bitsStored` bits, on `threads` threads.
    /// - Parameters:
    ///   - bitsStored: 1...16; samples of the benchmarked image lie in `0 ... 2^bitsStored - 1`.
    ///   - threads: threads the operation may use, at least 1.
    /// - Throws: ``BenchSetupError/unknownOperation(_:available:)`` for a name this build cannot run;
    ///   ``BenchSetupError/invalidParameter(_:)`` for a parameter the operation rejects or does not use.
    public static func operation(
        named name: String, parameters: BenchParameters, bitsStored: Int, threads: Int
    ) throws(BenchSetupError) -> BenchOperation {
        guard (1...16).contains(bitsStored) else {
            throw .invalidParameter("bits = \(bitsStored) is invalid: it must be 1...16")
        }
        let built: BenchOperation?
        do {
            built = try makeOperation(name, parameters, bitsStored: bitsStored, threads: max(1, threads))
        } catch let error as ImageOperationError {
            throw .invalidParameter(error.description)
        } catch let error as BenchSetupError {
            throw error
        } catch {
            throw .invalidParameter("\(name): \(error)")
        }
        guard let built else { throw .unknownOperation(name, available: availableNames) }
        let used = Set(built.parameters.map(\.name))
        if let stray = parameters.suppliedNames.first(where: { !used.contains($0) }) {
            throw .invalidParameter("\(name) does not use --\(stray.replacingUnderscores())")
        }
        let reported = [BenchParameter("bits", bitsStored)] + built.parameters
        return BenchOperation(name: name, parameters: reported, threads: built.threads, run: built.run)
    }

    /// One case per operation; `nil` for a name this build does not have. Each case reports the
    /// parameters it uses (not `bits`, which every report carries) under the names of
    /// ``BenchParameters/suppliedNames``, so options given to an operation that ignores them are caught.
    static func makeOperation(
        _ name: String, _ parameters: BenchParameters, bitsStored: Int, threads: Int
    ) throws -> BenchOperation? {
        switch name {
        case "window":
            return try window(parameters, bitsStored: bitsStored, threads: threads)
        case "histeq":
            let equalisation = try HistogramEqualization(bitsStored: bitsStored)
            return .filter(name, [], threads: threads) { equalisation.apply($0, threads: $1) }
        case "clahe":
            let clip = parameters.clipLimit ?? 2.0
            let tilesX = parameters.tilesX ?? 8
            let tilesY = parameters.tilesY ?? 8
            let clahe = try CLAHE(clipLimit: clip, tilesX: tilesX, tilesY: tilesY, bitsStored: bitsStored)
            let reported = [BenchParameter("clip", clip), BenchParameter("tiles", "\(tilesX)x\(tilesY)")]
            return .filter(name, reported, threads: threads) { clahe.apply($0, threads: $1) }
        case "gaussian":
            let sigma = parameters.sigma ?? 1.5
            let blur = try GaussianBlur(sigma: sigma)
            return .filter(name, [BenchParameter("sigma", sigma)], threads: threads) { blur.apply($0, threads: $1) }
        case "median":
            let size = parameters.kernelSize ?? 3
            let median = try MedianFilter(size: size, bitsStored: bitsStored)
            return .filter(name, [BenchParameter("kernel", size)], threads: threads) { median.apply($0, threads: $1) }
        case "bilateral":
            let diameter = parameters.diameter ?? 5
            let sigmaSpace = parameters.sigmaSpace ?? 2
            let sigmaColor = parameters.sigmaColor ?? 100
            let bilateral = try BilateralFilter(
                diameter: diameter, sigmaSpace: sigmaSpace, sigmaColor: sigmaColor, bitsStored: bitsStored)
            let reported = [
                BenchParameter("diameter", diameter), BenchParameter("sigma_space", sigmaSpace),
                BenchParameter("sigma_color", sigmaColor),
            ]
            return .filter(name, reported, threads: threads) { bilateral.apply($0, threads: $1) }
        case "nlm":
            let strength = parameters.strength ?? 30
            let template = parameters.templateSize ?? 7
            let search = parameters.searchSize ?? 21
            let means = try NonLocalMeans(
                h: strength, templateSize: template, searchSize: search, bitsStored: bitsStored)
            let reported = [
                BenchParameter("h", strength), BenchParameter("template", template), BenchParameter("search", search),
            ]
            return .filter(name, reported, threads: threads) { means.apply($0, threads: $1) }
        case "unsharp":
            let sigma = parameters.sigma ?? 2
            let amount = parameters.amount ?? 1
            let unsharp = try UnsharpMask(sigma: sigma, amount: amount, bitsStored: bitsStored)
            let reported = [BenchParameter("sigma", sigma), BenchParameter("amount", amount)]
            return .filter(name, reported, threads: threads) { unsharp.apply($0, threads: $1) }
        default:
            return nil
        }
    }
}

extension String {
    /// `sigma_space` -> `sigma-space`: a report name as its command-line option.
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
