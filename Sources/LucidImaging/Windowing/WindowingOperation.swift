/// Windowing as an ``ImageOperation``: 16-bit stored samples to 8-bit display levels through a
/// validated ``DisplayPipeline``, with ``Windowing``'s fast kernels.
///
/// Each ``apply(_:threads:)`` evaluates the pipeline's exact table (on up to `threads` threads) and
/// renders the image with it, as ``Windowing/apply(_:pipeline:threads:)`` does. To render the frames
/// of a series, build the table once with ``DisplayPipeline/displayLookupTable8()`` and use
/// ``Windowing/apply(_:table:threads:)``.
public struct WindowingOperation: ImageOperation, Equatable {
    /// The Modality LUT, VOI and polarity applied.
    public let pipeline: DisplayPipeline

    /// - Throws: ``DisplayPipelineError`` when ``DisplayPipeline/validate()`` rejects `pipeline`.
    public init(pipeline: DisplayPipeline) throws(DisplayPipelineError) {
        try pipeline.validate()
        self.pipeline = pipeline
    }

    public var name: String { "window" }

    /// The VOI stage: `center`, `width` (sample units after the Modality LUT) and `function` for a
    /// window; `lower` and `upper` for a linear range; `voi_lut_entries` for a VOI LUT. Then
    /// `rescale_slope` and `rescale_intercept` for a rescale Modality LUT, `modality_lut_entries` for
    /// a Modality LUT, and `invert` (1) for MONOCHROME1 polarity.
    public var parameters: [OperationParameter] {
        var parameters: [OperationParameter]
        switch pipeline.voi {
        case .window(let window):
            parameters = [
                OperationParameter("center", window.center), OperationParameter("width", window.width),
                OperationParameter("function", window.function.rawValue),
            ]
        case .linearRange(let lower, let upper):
            parameters = [OperationParameter("lower", lower), OperationParameter("upper", upper)]
        case .lookupTable(let table):
            parameters = [OperationParameter("voi_lut_entries", table.entries.count)]
        }
        switch pipeline.modality {
        case .identity:
            break
        case .rescale(let slope, let intercept):
            parameters += [
                OperationParameter("rescale_slope", slope), OperationParameter("rescale_intercept", intercept),
            ]
        case .lookupTable(let table):
            parameters.append(OperationParameter("modality_lut_entries", table.entries.count))
        }
        if pipeline.invert { parameters.append(OperationParameter("invert", 1)) }
        return parameters
    }

    /// `image` rendered to display levels 0...255 on up to `threads` threads.
    public func apply(_ image: GrayImage<UInt16>, threads: Int = StripScheduler.availableThreads) -> GrayImage<UInt8> {
        Windowing.apply(
            image, table: Windowing.validatedTable(pipeline, threads: threads, as: UInt8.self), threads: threads)
    }

    /// `source` rendered to display levels 0...255 into `destination` (same size, not overlapping).
    public func apply(
        _ source: ImageView<UInt16>, into destination: MutableImageView<UInt8>,
        threads: Int = StripScheduler.availableThreads
    ) {
        let table = Windowing.validatedTable(pipeline, threads: threads, as: UInt8.self)
        Windowing.apply(source, table: table, into: destination, threads: threads)
    }
}
