import ArgumentParser
import LucidPNG

/// `--png-compression fast|small` of `render` and `process` (see `PNGCompression`).
enum PNGCompressionOption: String, ExpressibleByArgument, CaseIterable {
    case fast
    case small

    static let help = ArgumentHelp(
        "PNG compression: fast (default; Huffman-only deflate) or small (zlib, about 5 % smaller, several "
            + "times slower).", valueName: "fast|small")

    var compression: PNGCompression { self == .fast ? .fast : .small }
}
