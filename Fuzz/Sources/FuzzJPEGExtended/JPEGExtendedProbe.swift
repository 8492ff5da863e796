import LucidDICOM

/// Decodes fuzzed bytes with `JPEGExtendedDecoder` (Lucid's own Swift decoder of 12-bit frames) and
/// checks what decodes: `width × height × components` samples within the limit, each within its
/// precision, and the same codestream refused with a limit one sample smaller.
enum JPEGExtendedProbe {
    /// 2^20 samples instead of the default 2^28, so oversized headers are refused before memory is
    /// allocated; the same check runs.
    static let maximumSampleCount = 1 << 20

    static func run(_ bytes: [UInt8]) {
        guard let image = try? JPEGExtendedDecoder.decode(bytes, maximumSampleCount: maximumSampleCount) else {
            return
        }
        let count = image.width * image.height * image.components
        precondition(count <= maximumSampleCount, "\(count) samples decoded past the limit")
        precondition(image.samples.count == count, "\(image.samples.count) samples for \(count)")
        precondition([8, 12].contains(image.precision), "precision \(image.precision) was accepted")
        precondition((1...4).contains(image.components), "\(image.components) components were accepted")
        let top = 1 << image.precision
        precondition(image.samples.allSatisfy { Int($0) < top }, "a sample beyond \(image.precision) bits")
        precondition(
            (try? JPEGExtendedDecoder.decode(bytes, maximumSampleCount: count - 1)) == nil,
            "decoded past a limit of \(count - 1) samples")
    }
}
