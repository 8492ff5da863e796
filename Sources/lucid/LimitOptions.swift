import ArgumentParser
import LucidDICOM
import LucidPipeline

/// `--max-image-memory SIZE`, shared by `info`, `render` and `process`: the ceiling on the image a
/// header may declare (`ReadLimits.maximumImageBytes`), which also bounds every decoder's buffers.
struct LimitOptions: ParsableArguments {
    @Option(
        name: .customLong("max-image-memory"),
        help: ArgumentHelp(
            "Largest image a header may declare, Rows x Columns x Frames x Bits Allocated / 8, e.g. 512MiB or 4GiB "
                + "(default \(ByteSize.describe(ReadLimits.standard.maximumImageBytes))).",
            valueName: "size"))
    var maxImageMemory: String?

    /// The read limits to apply: the standard ones with `--max-image-memory` when given.
    var readLimits: ReadLimits {
        get throws {
            var limits = ReadLimits.standard
            if let maxImageMemory {
                guard let bytes = ByteSize.parse(maxImageMemory) else {
                    throw ValidationError(
                        "--max-image-memory '\(maxImageMemory)' is not a size: use a positive number of bytes, "
                            + "optionally with KiB, MiB, GiB, TiB (or KB, MB, GB, TB), e.g. 512MiB")
                }
                limits.maximumImageBytes = bytes
            }
            return limits
        }
    }

    func validate() throws {
        _ = try readLimits
    }
}
