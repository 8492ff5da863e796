import LucidImaging

/// The image a benchmarked operation produces: 8-bit for windowing, 16-bit for the filters.
package enum BenchOutput: Sendable, Equatable {
    case gray8(GrayImage<UInt8>)
    case gray16(GrayImage<UInt16>)
}

/// A parameter value as `lucid bench` reports it (a JSON number or string).
package typealias BenchValue = OperationValue

/// One named parameter an operation was built with, including the defaults it filled in.
package typealias BenchParameter = OperationParameter

/// An operation ready to time: validated parameters, a fixed thread count, and the work itself.
package struct BenchOperation {
    /// The operation's name as given on the command line (`window`, `gaussian`, ...).
    package let name: String
    /// Every parameter the operation uses, with defaults filled in, in a stable order.
    package let parameters: [BenchParameter]
    /// Threads the operation is asked to use, at least 1.
    package let threads: Int
    /// Processes one image; called once per warm-up and timed run.
    package let run: (GrayImage<UInt16>) throws -> BenchOutput

    package init(
        name: String, parameters: [BenchParameter], threads: Int,
        run: @escaping (GrayImage<UInt16>) throws -> BenchOutput
    ) {
        self.name = name
        self.parameters = parameters
        self.threads = max(1, threads)
        self.run = run
    }

    /// A 16-bit to 16-bit operation (a filter): `apply` receives the image and the thread count.
    package static func filter(
        _ name: String, _ parameters: [BenchParameter], threads: Int,
        _ apply: @escaping (GrayImage<UInt16>, Int) -> GrayImage<UInt16>
    ) -> BenchOperation {
        let threadCount = max(1, threads)
        return BenchOperation(name: name, parameters: parameters, threads: threadCount) {
            .gray16(apply($0, threadCount))
        }
    }
}

/// Why an operation could not be built.
package enum BenchSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No operation has this name in this build; `available` lists those that do.
    case unknownOperation(String, available: [String])
    /// A parameter is out of range, or was given to an operation that does not use it.
    case invalidParameter(String)

    package var description: String {
        switch self {
        case .unknownOperation(let name, let available):
            return "unknown op '\(name)': this build has \(available.joined(separator: ", "))"
        case .invalidParameter(let message):
            return message
        }
    }
}
