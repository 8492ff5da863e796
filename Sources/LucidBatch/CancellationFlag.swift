import Synchronization

/// A flag set once when a run is interrupted, read by the workers between frames of a long file.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Sets the flag; safe from any thread, more than once.
    public func cancel() { flag.store(true, ordering: .releasing) }

    public var isCancelled: Bool { flag.load(ordering: .acquiring) }
}
