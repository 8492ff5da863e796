import Foundation
import LucidDICOM
import LucidImaging
import LucidRendering
import LucidTestSupport

#if canImport(Glibc)
    import Glibc
#endif

// Runs every mutation of one DICOM file through the full read, pixel check, decode and render of
// every frame, in this process, and prints one line per mutation:
//   `ok <label> frames=<n>`  or  `error <label> <DICOMError or RenderError text>`
// then `peak <baseline KiB> <final KiB>`: VmHWM (peak resident memory) after reading the file and
// at the end. The standard `ReadLimits` apply.
// Usage: LucidMutationProbe FILE SEED ADDRESS-SPACE-BYTES [MUTATIONS]
// The address space cap (RLIMIT_AS) turns an unbounded allocation into a crash the test reports.
// MUTATIONS runs only that many of the file's mutations, evenly spaced (`DICOMMutation.sample`).

let arguments = CommandLine.arguments
guard arguments.count == 4 || arguments.count == 5, let seed = UInt64(arguments[2]),
    let addressSpace = Int(arguments[3]), let sampled = Int(arguments.count == 5 ? arguments[4] : String(Int.max))
else {
    FileHandle.standardError.write(
        Data("usage: LucidMutationProbe FILE SEED ADDRESS-SPACE-BYTES [MUTATIONS]\n".utf8))
    exit(2)
}
var cap = rlimit(rlim_cur: rlim_t(addressSpace), rlim_max: rlim_t(addressSpace))
guard setrlimit(Int32(RLIMIT_AS.rawValue), &cap) == 0 else {
    FileHandle.standardError.write(Data("cannot set RLIMIT_AS\n".utf8))
    exit(2)
}

/// VmHWM of this process, KiB.
func peakResidentKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? -1
    }
    return -1
}

let path = arguments[1]
let name = (path as NSString).lastPathComponent
let limits = ReadLimits.standard
let original: [UInt8]
do {
    original = try DICOMFile.readBytes(path: path, limit: 1 << 30)
} catch {
    print("unreadable \(error)")
    exit(1)
}
/// What decoding a frame depends on: the layout, the syntax, the byte order and VR, and the Pixel
/// Data bytes (the value, or each fragment). Mutants equal to the original in all of it decode to
/// the original's frames, which are decoded once; a frame whose display attributes are also the
/// original's renders as the original's did (rendering is a function of the samples, the encoding
/// and the display attributes), so only frames that differ in some input are decoded and rendered.
struct PixelKey: Equatable {
    static func == (lhs: PixelKey, rhs: PixelKey) -> Bool {
        lhs.pixel == rhs.pixel && lhs.syntax == rhs.syntax && lhs.bigEndian == rhs.bigEndian && lhs.vr == rhs.vr
            && lhs.truncated == rhs.truncated && lhs.bytes.count == rhs.bytes.count
            && zip(lhs.bytes, rhs.bytes).allSatisfy(sameBytes)
    }

    /// Byte equality through `memcmp`: the generic `==` of slices is slow in debug builds.
    static func sameBytes(_ pair: (ArraySlice<UInt8>, ArraySlice<UInt8>)) -> Bool {
        guard pair.0.count == pair.1.count else { return false }
        return pair.0.withUnsafeBytes { left in
            pair.1.withUnsafeBytes { right in
                guard let a = left.baseAddress, let b = right.baseAddress else { return true }
                return memcmp(a, b, left.count) == 0
            }
        }
    }

    let pixel: ImagePixelDescription
    let syntax: String
    let bigEndian: Bool
    let vr: ValueRepresentation?
    let truncated: Bool
    let bytes: [ArraySlice<UInt8>]

    init(_ image: DICOMImage) {
        let element = image.dataSet[.pixelData]
        pixel = image.pixel
        syntax = image.file.transferSyntax.uid
        bigEndian = image.dataSet.isBigEndian
        vr = element?.vr
        truncated = element?.isTruncated ?? false
        if let fragments = element?.fragments {
            bytes = fragments.map { image.dataSet.bytes(of: $0) }
        } else {
            bytes = [image.dataSet.rawValue(.pixelData) ?? []]
        }
    }
}

/// Renders every frame of `image`: grayscale frames of at most 16 bits through the display pipeline,
/// decoding through `cache` when the pixel key is the original's; other frames with `Renderer.render`.
func renderEveryFrame(_ image: DICOMImage, cache: inout Original?) throws(RenderError) {
    guard image.pixel.isGrayscale, !image.pixel.isFloat, image.pixel.bitsAllocated <= 16 else {
        // Colour, float and wider frames: decoded and rendered as `lucid render` does (RGB, or the
        // 16-bit quantisation), without the cache.
        for index in 0..<image.pixel.numberOfFrames {
            _ = try Renderer.render(image, options: RenderOptions(frame: index + 1, threads: 1))
        }
        return
    }
    let key = PixelKey(image)
    let options = RenderOptions(threads: 1)
    let sameSamples = cache.map { $0.key == key } ?? false
    for index in 0..<image.pixel.numberOfFrames {
        let display = image.display(frame: index)
        let frame: GrayImage<UInt16>
        if sameSamples, let cache {
            if cache.displays[index] == display { continue }
            frame = cache.frames[index]
        } else {
            do throws(DICOMError) {
                frame = try image.frame(index)
            } catch {
                throw .dicom(error)
            }
        }
        var frameOptions = options
        frameOptions.frame = index + 1
        _ = try Renderer.window(
            frame, encoding: image.pixel.encoding, display: display, source: image.source,
            frameCount: image.pixel.numberOfFrames, options: frameOptions)
    }
}

/// Reads, checks and renders `bytes` labelled `label`.
func run(_ bytes: [UInt8], label: String, cache: inout Original?) throws(RenderError) -> DICOMImage {
    let image: DICOMImage
    do throws(DICOMError) {
        let file = try DICOMFile(bytes: bytes, source: label, limits: limits)
        image = try DICOMImage(file: file, limits: limits)
        try image.checkPixelData()
    } catch {
        throw .dicom(error)
    }
    try renderEveryFrame(image, cache: &cache)
    return image
}

/// The unmutated file's decoding inputs, frames and display attributes.
struct Original {
    let key: PixelKey
    let frames: [GrayImage<UInt16>]
    let displays: [DisplayAttributes]
}

var cache: Original?
if let image = try? run(original, label: name, cache: &cache) {
    let frames = (0..<image.pixel.numberOfFrames).compactMap { try? image.frame($0) }
    if frames.count == image.pixel.numberOfFrames {
        cache = Original(
            key: PixelKey(image), frames: frames, displays: frames.indices.map { image.display(frame: $0) })
    }
}
let mutations = DICOMMutation.sample(DICOMMutation.all(for: original, seed: seed), count: sampled)
let baseline = peakResidentKiB()
var output = ""
for mutation in mutations {
    let label = "\(name)#\(mutation)"
    do throws(RenderError) {
        let image = try run(mutation.apply(to: original), label: label, cache: &cache)
        output += "ok \(label) frames=\(image.pixel.numberOfFrames)\n"
    } catch {
        output += "error \(label) \(error.description.replacingOccurrences(of: "\n", with: " "))\n"
    }
    if output.utf8.count > 1 << 16 {
        FileHandle.standardOutput.write(Data(output.utf8))
        output = ""
    }
}
output += "peak \(baseline) \(peakResidentKiB())\n"
FileHandle.standardOutput.write(Data(output.utf8))
