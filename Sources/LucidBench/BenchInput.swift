import Foundation
import LucidCodecs
import LucidDICOM
import LucidImaging
import LucidPNG

/// The image a benchmark runs on, with the bit depth its samples are meant to have.
package struct BenchImage: Sendable {
    /// Unsigned (offset-binary) samples, each at most `2^bitsStored - 1`.
    package let image: GrayImage<UInt16>
    /// Bits per sample, 1...16.
    package let bitsStored: Int
    /// Where the image came from: a path, or a description of the synthetic phantom.
    package let source: String

    package init(image: GrayImage<UInt16>, bitsStored: Int, source: String) {
        self.image = image
        self.bitsStored = bitsStored
        self.source = source
    }

    /// The ``SyntheticImage/phantom(width:height:bits:seed:)`` of this size, depth and seed.
    package static func synthetic(width: Int, height: Int, bits: Int, seed: UInt64) -> BenchImage {
        BenchImage(
            image: SyntheticImage.phantom(width: width, height: height, bits: bits, seed: seed), bitsStored: bits,
            source: "synthetic \(width)x\(height) \(bits)-bit seed \(seed)")
    }

    /// Reads a benchmark input file.
    ///
    /// - With `rawSize`, the file is raw little-endian 16-bit samples, row by row, exactly
    ///   `width * height * 2` bytes.
    /// - Otherwise a file starting with the PNG signature is a grayscale PNG (16-bit, or 8-bit
    ///   widened); anything else is read as DICOM, frame 1, stored samples (offset binary).
    ///
    /// - Parameters:
    ///   - bits: the samples' bit depth, 1...16. When nil: Bits Stored for DICOM, else the fewest
    ///     bits that hold the largest sample.
    /// - Throws: ``BenchInputError`` when the file cannot be read or decoded, has the wrong size,
    ///   or holds samples above `2^bits - 1`.
    package static func load(
        path: String, rawSize: (width: Int, height: Int)?, bits: Int?
    ) throws(BenchInputError) -> BenchImage {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file, or it cannot be read")
        }
        let bytes = [UInt8](data)
        let image: GrayImage<UInt16>
        var naturalBits: Int?
        if let rawSize {
            image = try raw(bytes, width: rawSize.width, height: rawSize.height, path: path)
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            image = try png(bytes, path: path)
        } else {
            do throws(DICOMError) {
                let dicom = try DICOMImage(file: DICOMFile(bytes: bytes, source: path))
                image = try dicom.frame(0)
                naturalBits = dicom.pixel.encoding.bitsStored
            } catch {
                throw .decode(path: path, reason: error.description)
            }
        }
        let largest = Int(image.pixels.max() ?? 0)
        let depth = bits ?? naturalBits ?? max(1, Int.bitWidth - largest.leadingZeroBitCount)
        guard largest <= (1 << depth) - 1 else {
            throw .samplesExceedBits(path: path, largest: largest, bits: depth)
        }
        return BenchImage(image: image, bitsStored: depth, source: path)
    }

    private static func raw(_ bytes: [UInt8], width: Int, height: Int, path: String) throws(BenchInputError)
        -> GrayImage<UInt16>
    {
        let (count, overflow) = width.multipliedReportingOverflow(by: height)
        guard width > 0, height > 0, !overflow, count <= Int.max / 2, bytes.count == count * 2 else {
            throw .wrongRawSize(path: path, width: width, height: height, bytes: bytes.count)
        }
        var pixels = [UInt16](repeating: 0, count: count)
        for index in 0..<count {
            pixels[index] = UInt16(bytes[2 * index]) | UInt16(bytes[2 * index + 1]) << 8
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    private static func png(_ bytes: [UInt8], path: String) throws(BenchInputError) -> GrayImage<UInt16> {
        do throws(CodecError) {
            switch try PNGCodec.decode(bytes).image {
            case .gray16(let image): return image
            case .gray8(let image):
                return GrayImage(width: image.width, height: image.height, pixels: image.pixels.map(UInt16.init))
            }
        } catch {
            throw .decode(path: path, reason: error.description)
        }
    }
}

/// Why a benchmark input could not be used.
package enum BenchInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist or cannot be read.
    case unreadable(path: String, reason: String)
    /// The PNG or DICOM decoder rejected the file.
    case decode(path: String, reason: String)
    /// A raw file whose byte count is not `width * height * 2`.
    case wrongRawSize(path: String, width: Int, height: Int, bytes: Int)
    /// A sample is larger than the bit depth allows.
    case samplesExceedBits(path: String, largest: Int, bits: Int)

    package var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the file: \(reason)"
        case .decode(let path, let reason):
            return reason.hasPrefix(path) ? reason : "\(path): \(reason)"
        case .wrongRawSize(let path, let width, let height, let bytes):
            return "\(path): raw input of \(width)x\(height) 16-bit samples needs \(width * height * 2) bytes, "
                + "the file has \(bytes)"
        case .samplesExceedBits(let path, let largest, let bits):
            return "\(path): sample \(largest) does not fit in \(bits) bits; pass a larger --bits"
        }
    }
}
