import Foundation
import LucidDICOM
import LucidImaging
import Synchronization

/// The `decode` benchmark: one frame of a DICOM file decoded from its stored bytes
/// (`DICOMImage.storedFrame`), the file read and parsed once, before any timing.
///
/// One run decodes the frame `decodesPerRun` times at once, one decode per thread
/// (`StripScheduler.forEachWorker`): the codecs decode a frame on one thread, so the figure for
/// several threads is the throughput of that many frames decoded in parallel, as a batch over the
/// frames of a series runs. A run's megapixels are `width × height × decodesPerRun`.
package struct DecodeBench: Sendable {
    /// The parsed file.
    package let image: DICOMImage
    /// The frame timed, 0-based.
    package let frameIndex: Int
    /// Decodes per run, each on its own thread, at least 1.
    package let decodesPerRun: Int

    /// Reads and parses `path`, and checks that `frame` (1-based) exists.
    /// - Throws: ``BenchInputError/unreadable(path:reason:)`` when the file cannot be read,
    ///   ``BenchInputError/decode(path:reason:)`` when it is not DICOM, holds no image, or has no
    ///   such frame.
    package static func load(path: String, frame: Int, threads: Int) throws(BenchInputError) -> DecodeBench {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file, or it cannot be read")
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            throw .decode(path: path, reason: "a PNG file: decode times the pixel data of a DICOM file")
        }
        let image: DICOMImage
        do throws(DICOMError) {
            image = try DICOMImage(file: DICOMFile(bytes: bytes, source: path))
            try image.checkPixelData()
        } catch {
            throw .decode(path: path, reason: error.description)
        }
        let frames = image.pixel.numberOfFrames
        guard (1...frames).contains(frame) else {
            throw .decode(
                path: path,
                reason: "frame \(frame) is out of range: the file has \(frames) frame\(frames == 1 ? "" : "s")")
        }
        return DecodeBench(image: image, frameIndex: frame - 1, decodesPerRun: max(1, threads))
    }

    /// Pixels of the frame, `columns × rows`.
    package var pixelsPerFrame: Int { image.pixel.pixelsPerFrame }

    /// The reported parameters: the transfer syntax (UID and name), the frame (1-based), the
    /// file's frame count, Bits Stored and the decodes per run.
    package var parameters: [BenchParameter] {
        [
            BenchParameter("transfer_syntax", image.file.transferSyntax.uid),
            BenchParameter("syntax", image.file.transferSyntax.name),
            BenchParameter("frame", frameIndex + 1),
            BenchParameter("frames", image.pixel.numberOfFrames),
            BenchParameter("bits", image.pixel.bitsStored),
            BenchParameter("decodes_per_run", decodesPerRun),
        ]
    }

    /// One run: the frame decoded `decodesPerRun` times, in parallel when more than once.
    /// Returns the first decode's result.
    /// - Throws: the first ``DICOMError`` any decode threw.
    package func run() throws(DICOMError) -> StoredFrame {
        if decodesPerRun == 1 { return try image.storedFrame(frameIndex) }
        let outcomes = Mutex<[Int: Result<StoredFrame, DICOMError>]>([:])
        let image = image
        let frameIndex = frameIndex
        StripScheduler.forEachWorker(decodesPerRun) { slot in
            let outcome: Result<StoredFrame, DICOMError>
            do throws(DICOMError) {
                outcome = .success(try image.storedFrame(frameIndex))
            } catch {
                outcome = .failure(error)
            }
            outcomes.withLock { $0[slot] = outcome }
        }
        let all = outcomes.withLock { $0 }
        for slot in 0..<decodesPerRun {
            if case .failure(let error) = all[slot] { throw error }
        }
        guard case .success(let frame) = all[0] else { preconditionFailure("every decode reports its outcome") }
        return frame
    }

    /// Times ``run()`` as ``BenchRunner`` times an operation: `warmUpCount` untimed runs, then
    /// `repeatCount` timed ones; each run counts `pixelsPerFrame × decodesPerRun` pixels.
    package func time(repeatCount: Int, warmUpCount: Int) throws(DICOMError) -> BenchTiming {
        for _ in 0..<max(0, warmUpCount) { _ = try run() }
        let clock = ContinuousClock()
        var seconds: [Double] = []
        for _ in 0..<max(1, repeatCount) {
            let start = clock.now
            _ = try run()
            seconds.append(BenchRunner.seconds(clock.now - start))
        }
        return BenchTiming(seconds: seconds, pixelCount: pixelsPerFrame * decodesPerRun)
    }
}
