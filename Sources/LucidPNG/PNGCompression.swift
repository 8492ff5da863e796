/// How a PNG file's image data is compressed. Every choice writes standard PNG that libpng,
/// Pillow and browsers read; only speed and size differ.
///
/// Measured on 2048 x 2500 8-bit renditions of the pipeline benchmark's CR phantom by a C program
/// calling `lucid_png_encode_fast` and `lucid_png_encode` on the same rows, one after the other
/// (one thread, whole encode, best of 30 and 5): `fast` 6.8 ms for 1.94 MB, `small` 64 ms for 1.85 MB,
/// `zlib(level: 1)` 60 ms for 1.94 MB. ISA-L's igzip level 1, the fastest general deflate Debian
/// has, took 19 ms for 2.30 MB on the same rows: on noisy image rows almost nothing repeats, so its
/// match search costs time and buys little.
public enum PNGCompression: Sendable, Equatable, CustomStringConvertible {
    /// AVERAGE filter, literal-only deflate (`lucid_png_encode_fast`): every MiB of filtered rows
    /// one dynamic Huffman block whose code ISA-L builds from the block's byte histogram (stored
    /// where that is not smaller), no match search. The default: about zlib level 1's size, eight
    /// times faster.
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
