import ArgumentParser
import LucidDICOM
import LucidPipeline

/// The read limits settable on `info`, `render` and `process`: `--max-image-memory SIZE`, the
/// ceiling on the image a header may declare (`ReadLimits.maximumImageBytes`, which also bounds
/// every decoder's buffers), and `--max-file-size SIZE`, the largest input read, standard input
/// included (`ReadLimits.maximumFileBytes`).
struct LimitOptions: ParsableArguments {
    @Option(
        name: .customLong("max-image-memory"),
        help: ArgumentHelp(
            "Largest image a header may declare, Rows x Columns x Frames x Bits Allocated / 8, e.g. 512MiB or 4GiB "
                + "(default \(ByteSize.describe(ReadLimits.standard.maximumImageBytes))).",
            valueName: "size"))
    var maxImageMemory: String?

    @Option(
        name: .customLong("max-file-size"),
        help: ArgumentHelp(
            "Largest input file (or standard input) read, e.g. 1GiB "
                + "(default \(ByteSize.describe(ReadLimits.standard.maximumFileBytes))).",
            valueName: "size"))
    var maxFileSize: String?

    /// The read limits to apply: the standard ones, with `--max-image-memory` and `--max-file-size`
    /// when given.
    var readLimits: ReadLimits {
        get throws {
            var limits = ReadLimits.standard
            if let maxImageMemory { limits.maximumImageBytes = try Self.size(maxImageMemory, "--max-image-memory") }
            if let maxFileSize { limits.maximumFileBytes = try Self.size(maxFileSize, "--max-file-size") }
            return limits
        }
    }

    private static func size(_ text: String, _ option: String) throws -> Int {
        guard let bytes = ByteSize.parse(text) else {
            throw ValidationError(
                "\(option) '\(text)' is not a size: use a positive number of bytes, optionally with KiB, MiB, "
                    + "GiB, TiB (or KB, MB, GB, TB), e.g. 512MiB")
        }
        return bytes
    }

    func validate() throws {
        _ = try readLimits
    }
}
