import ArgumentParser
import LucidBench
import LucidImaging

/// Where `lucid bench` gets its image: a file, or the synthetic phantom.
struct BenchImageOptions: ParsableArguments {
    @Option(help: "Input: DICOM, grayscale PNG, or raw little-endian 16-bit with --raw.")
    var input: String?

    @Option(help: "Read --input as raw little-endian 16-bit samples of this size, WxH.")
    var raw: String?

    @Option(help: "Size of the synthetic image, WxH (default 2048x2500); not with --input.")
    var size: String?

    @Option(
        help: """
            Bits per sample, 1...16; default 12 for the synthetic image, Bits Stored for DICOM, else the \
            fewest bits that hold the largest sample.
            """)
    var bits: Int?

    @Option(help: "Seed of the synthetic image's noise.")
    var seed: UInt64 = 1

    /// The largest width or height accepted, in pixels.
    static let maximumDimension = 65_535

    func validate() throws {
        if let bits, !(1...16).contains(bits) { throw ValidationError("--bits must be 1...16") }
        if input != nil, size != nil {
            throw ValidationError("--size sets the synthetic image's size; with --input use --raw WxH for raw files")
        }
        if raw != nil, input == nil { throw ValidationError("--raw needs --input") }
        _ = try rawSize
        _ = try syntheticSize
    }

    var rawSize: (width: Int, height: Int)? {
        get throws { try raw.map { try Self.dimensions($0, option: "--raw") } }
    }

    var syntheticSize: (width: Int, height: Int) {
        get throws { try Self.dimensions(size ?? "2048x2500", option: "--size") }
    }

    /// Loads `--input` (raw when `rawSize` is given), or generates the phantom of `syntheticSize`.
    func load(
        syntheticSize: (width: Int, height: Int), rawSize: (width: Int, height: Int)?
    ) throws(BenchInputError) -> BenchImage {
        guard let input else {
            return BenchImage.synthetic(
                width: syntheticSize.width, height: syntheticSize.height, bits: bits ?? 12, seed: seed)
        }
        return try BenchImage.load(path: input, rawSize: rawSize, bits: bits)
    }

    /// Parses `WxH` (e.g. `2048x2500`) with both sides in 1...``maximumDimension``.
    static func dimensions(_ text: String, option: String) throws -> (width: Int, height: Int) {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
            (1...maximumDimension).contains(width), (1...maximumDimension).contains(height)
        else {
            throw ValidationError("\(option) must be WxH with each side 1...\(maximumDimension), e.g. 2048x2500")
        }
        return (width, height)
    }
}
