import LucidImaging
import LucidRendering

/// Builds the operations `lucid bench` can time from their parsed parameters.
///
/// The image operations come from ``OperationCatalog`` (which fills in defaults and validates), so
/// `lucid bench` times exactly what `--steps` runs. Names in ``plannedNames`` that neither the
/// catalog nor a case here builds report "unknown op".
package enum OperationRegistry {
    /// Every operation name `lucid bench` knows of, in the order help texts list them.
    package static let plannedNames = OperationCatalog.names

    /// The names this build can run.
    package static var availableNames: [String] {
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
    package static func operation(
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

    /// The operation `name`; `nil` for a name this build does not have. Each reports the parameters
    /// it uses (not `bits`, which every report carries) under the names of
    /// ``BenchParameters/suppliedNames``, so options given to an operation that ignores them are caught.
    static func makeOperation(
        _ name: String, _ parameters: BenchParameters, bitsStored: Int, threads: Int
    ) throws -> BenchOperation? {
        switch try OperationCatalog.operation(
            named: name, arguments: parameters.catalogArguments, bitsStored: bitsStored)
        {
        case .filter(let filter):
            return .filter(name, filter.parameters, threads: threads) { filter.apply($0, threads: $1) }
        case .window(let window):
            return BenchOperation(name: name, parameters: window.parameters, threads: threads) { image in
                .gray8(window.apply(image, threads: threads))
            }
        case nil:
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
