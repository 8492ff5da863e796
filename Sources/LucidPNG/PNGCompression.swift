/// How a PNG file's image data is compressed. Every choice writes standard PNG that libpng,
/// Pillow and browsers read; only speed and size differ.
///
/// Measured on 2048 x 2500 8-bit CR renditions of the pipeline benchmark's phantom (one thread, the
/// filtered rows deflated; `Benchmarks/README.md`): `fast` 17 ms for 2.30 MB, `small` 101 ms for
/// 1.85 MB, `zlib(level: 1)` 92 ms for 1.94 MB.
public enum PNGCompression: Sendable, Equatable, CustomStringConvertible {
    /// SUB filter, ISA-L igzip level 1 (`lucid_png_encode_fast`): the default, several times
    /// faster than zlib for files about a fifth larger.
    case fast
    /// AVERAGE filter, zlib level 1 with the run-length strategy through libpng: the smallest of
    /// the measured choices at a speed still usable for batches.
    case small
    /// SUB filter, zlib at `level` 0 (store) ... 9 with the run-length strategy through libpng.
    case zlib(level: Int)

    /// `fast` or `small` as the command line writes them (`--png-compression`).
    public init?(name: String) {
        switch name {
        case "fast": self = .fast
        case "small": self = .small
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .fast: return "fast"
        case .small: return "small"
        case .zlib(let level): return "zlib level \(level)"
        }
    }
}
