import LucidImaging

/// Runs the filter steps of a pipeline (everything before the window) on stored samples, in order.
/// Each step's parameters are validated before any pixel work starts.
public struct StepExecutor: Sendable {
    /// One validated operation.
    enum Operation: Sendable {
        case median(MedianFilter)
        case gaussian(GaussianBlur)
        case bilateral(BilateralFilter)
        case nonLocalMeans(NonLocalMeans)
        case clahe(CLAHE)
        case equalize(HistogramEqualization)
        case unsharp(UnsharpMask)

        func apply(_ image: GrayImage<UInt16>, threads: Int) -> GrayImage<UInt16> {
            switch self {
            case .median(let operation): return operation.apply(image, threads: threads)
            case .gaussian(let operation): return operation.apply(image, threads: threads)
            case .bilateral(let operation): return operation.apply(image, threads: threads)
            case .nonLocalMeans(let operation): return operation.apply(image, threads: threads)
            case .clahe(let operation): return operation.apply(image, threads: threads)
            case .equalize(let operation): return operation.apply(image, threads: threads)
            case .unsharp(let operation): return operation.apply(image, threads: threads)
            }
        }
    }

    let operations: [Operation]

    /// Builds the operations for `steps` on data of `bitsStored` bits; window steps are skipped.
    public init(steps: [ProcessingStep], bitsStored: Int) throws(ImageOperationError) {
        var operations: [Operation] = []
        for step in steps {
            switch step {
            case .median(let size):
                operations.append(.median(try MedianFilter(size: size, bitsStored: bitsStored)))
            case .gaussian(let sigma):
                operations.append(.gaussian(try GaussianBlur(sigma: sigma)))
            case .bilateral(let diameter, let sigmaSpace, let sigmaColor):
                operations.append(
                    .bilateral(
                        try BilateralFilter(
                            diameter: diameter, sigmaSpace: sigmaSpace, sigmaColor: sigmaColor, bitsStored: bitsStored))
                )
            case .nonLocalMeans(let h, let template, let search):
                operations.append(
                    .nonLocalMeans(
                        try NonLocalMeans(h: h, templateSize: template, searchSize: search, bitsStored: bitsStored)))
            case .clahe(let clip, let tilesX, let tilesY):
                operations.append(
                    .clahe(try CLAHE(clipLimit: clip, tilesX: tilesX, tilesY: tilesY, bitsStored: bitsStored)))
            case .equalize:
                operations.append(.equalize(try HistogramEqualization(bitsStored: bitsStored)))
            case .unsharp(let sigma, let amount):
                operations.append(.unsharp(try UnsharpMask(sigma: sigma, amount: amount, bitsStored: bitsStored)))
            case .window:
                break
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
