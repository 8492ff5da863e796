/// Zero-filled working buffers of one strip of a kernel, all freed when the body of
/// ``with(_:)`` returns.
final class StripScratch {
    private var buffers: [UnsafeMutableRawPointer] = []

    private init() {}

    /// Calls `body` with a new scratch; the buffers it hands out are valid only inside `body`.
    static func with<Result>(_ body: (StripScratch) -> Result) -> Result {
        let scratch = StripScratch()
        return withExtendedLifetime(scratch) { body(scratch) }
    }

    /// `count` zeros of a number type, valid as long as the scratch.
    func zeros<Element: Numeric & BitwiseCopyable>(_: Element.Type, count: Int) -> UnsafeMutablePointer<Element> {
        let buffer = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
        buffer.initialize(repeating: 0, count: max(count, 1))
        buffers.append(UnsafeMutableRawPointer(buffer))
        return buffer
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }
}
