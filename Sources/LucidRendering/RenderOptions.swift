import LucidImaging

/// What to render and how.
public struct RenderOptions: Sendable, Equatable {
    /// What the default `file` choice falls back to when the file offers no usable VOI.
    public enum Fallback: Sendable, Equatable {
        /// Lucid's automatic window (padding and outliers excluded): Lucid's default.
        case automatic
        /// Linear over the min...max of all modality values, padding included: the rule of the
        /// reference renderings Lucid is tested against.
        case minmax
    }

    /// Frame number, from 1.
    public var frame: Int
    public var window: WindowSpec
    /// Overrides the VOI LUT Function of the chosen window.
    public var function: VOIFunction?
    /// Output bits per pixel: 8 or 16.
    public var depth: Int
    public var fallback: Fallback
    /// Operations applied to the stored samples before the window, in order (window steps ignored).
    public var filters: [ProcessingStep]
    /// Threads for the kernels; all cores by default.
    public var threads: Int

    public init(
        frame: Int = 1, window: WindowSpec = .file(nil), function: VOIFunction? = nil, depth: Int = 8,
        fallback: Fallback = .automatic, filters: [ProcessingStep] = [], threads: Int = StripScheduler.availableThreads
    ) {
        self.frame = frame
        self.window = window
        self.function = function
        self.depth = depth
        self.fallback = fallback
        self.filters = filters
        self.threads = threads
    }

    /// The rule of the reference renderings in the shared sample corpus: VOI LUT item 1, else the
    /// first window, else min...max with padding included; 8-bit.
    public static let reference = RenderOptions(fallback: .minmax)
}
