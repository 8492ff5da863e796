/// An image operation with validated parameters: built once (its initialiser checks every
/// parameter and throws for a bad one), then applied to any number of images.
///
/// Every kernel of this module conforms: the filters through ``ImageFilter`` (16-bit samples in,
/// 16-bit samples out), windowing through ``WindowingOperation`` (16-bit samples in, 8-bit display
/// levels out). Results never depend on the thread count.
public protocol ImageOperation: Sendable {
    /// What the operation makes of a 16-bit image.
    associatedtype Output: Sendable

    /// The operation's name in reports, e.g. `median`, `gaussian`, `window`.
    var name: String { get }

    /// The settings the operation was built with, defaults included, in a stable order, under the
    /// names reports use (e.g. `sigma`, `sigma_space`). The data's Bits Stored, which some operations
    /// are also given, is not among them: it describes the image, not the operation.
    var parameters: [OperationParameter] { get }

    /// Applies the operation to `image` on up to `threads` threads (at least 1).
    func apply(_ image: GrayImage<UInt16>, threads: Int) -> Output
}

/// A filter of 16-bit samples: the output has the input's size and sample type, and the operation
/// also runs on strided views (a sub-rectangle of a larger image, or rows padded for alignment).
public protocol ImageFilter: ImageOperation where Output == GrayImage<UInt16> {
    /// Filters `source` into `destination`, which has the same width and height and does not
    /// overlap it; every sample of `destination` is written, nothing outside it.
    func apply(_ source: ImageView<UInt16>, into destination: MutableImageView<UInt16>, threads: Int)
}

extension ImageFilter {
    /// The filtered image, the same size as `image`, computed on up to `threads` threads.
    public func apply(_ image: GrayImage<UInt16>, threads: Int = StripScheduler.availableThreads) -> GrayImage<UInt16> {
        image.filtered { source, destination in apply(source, into: destination, threads: threads) }
    }

    /// Checks what every filter needs of its views: one sample per pixel, equal sizes, no overlap.
    func checkViews(_ source: ImageView<UInt16>, _ destination: MutableImageView<UInt16>) {
        precondition(source.components == 1 && destination.components == 1, "\(name) filters grey images")
        precondition(
            source.width == destination.width && source.height == destination.height,
            "\(name): source and destination sizes differ")
        precondition(!source.overlaps(destination), "\(name): source and destination overlap")
    }
}

/// A parameter value as reports show it (a JSON number or string).
public enum OperationValue: Sendable, Equatable, CustomStringConvertible {
    case integer(Int)
    case number(Double)
    case text(String)

    /// The value as plain text: integers without a decimal point, numbers in the shortest form that
    /// reads back exactly (whole numbers without ".0"), text as is.
    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .number(let value):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .text(let value): return value
        }
    }
}

/// One named setting of an operation, e.g. `sigma = 1.5`.
public struct OperationParameter: Sendable, Equatable {
    /// The name used in reports, e.g. `sigma` or `sigma_space`.
    public let name: String
    public let value: OperationValue

    public init(_ name: String, _ value: Int) { self.init(name, value: .integer(value)) }
    public init(_ name: String, _ value: Double) { self.init(name, value: .number(value)) }
    public init(_ name: String, _ value: String) { self.init(name, value: .text(value)) }
    public init(_ name: String, value: OperationValue) {
        self.name = name
        self.value = value
    }
}
