import LucidImaging

/// Runs the filter steps of a pipeline (everything before the window) on stored samples, in order.
/// Each step's parameters are validated before any pixel work starts.
public struct StepExecutor: Sendable {
    /// The validated filters, in step order, built by ``OperationCatalog``.
    let operations: [any ImageFilter]

    /// Builds the operations for `steps` on data of `bitsStored` bits; window steps are skipped.
    public init(steps: [ProcessingStep], bitsStored: Int) throws(ImageOperationError) {
        var operations: [any ImageFilter] = []
        for step in steps {
            if let filter = try OperationCatalog.filter(for: step, bitsStored: bitsStored) {
                operations.append(filter)
            }
        }
        self.operations = operations
    }

    /// True when there is nothing to do before the window.
    public var isEmpty: Bool { operations.isEmpty }

    /// Applies every operation in order.
    public func apply(_ image: GrayImage<UInt16>, threads: Int = StripScheduler.availableThreads) -> GrayImage<UInt16> {
        operations.reduce(image) { $1.apply($0, threads: threads) }
    }
}
