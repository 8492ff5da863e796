import Foundation
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Every corpus file cut short at many offsets, and with bytes flipped, gives a typed error or an
/// image, never a crash, a hang or an unbounded allocation.
@Suite struct HostileInputTests {
    /// Parses and decodes frame 0; returns whether an image came out. Any error must be a DICOMError
    /// (guaranteed by typed throws), so reaching the end of this function is the property.
    @discardableResult
    static func readAndDecode(_ bytes: [UInt8], label: String) -> Bool {
        do throws(DICOMError) {
            let file = try DICOMFile(bytes: bytes, source: label)
            let image = try DICOMImage(file: file)
            let frame = try image.frame(0)
            _ = image.display()
            return frame.pixels.count == image.pixel.rows * image.pixel.columns
        } catch {
            #expect(error.description.contains(label))
            return false
        }
    }

    static func cutOffsets(count: Int, seed: UInt64) -> [Int] {
        guard count > 1 else { return [0] }
        var generator = SeededGenerator(seed: seed)
        var offsets = Set([0, 1, 7, 127, 128, 131, 132, 140, 200, 300, 500, 800, 1200, 2000, count - 1, count - 2])
        for _ in 0..<16 { offsets.insert(Int.random(in: 0..<count, using: &generator)) }
        return offsets.filter { $0 < count }.sorted()
    }

    @Test("Truncated files give an error or an image", arguments: SampleCorpus.fileNames())
    func truncated(name: String) throws {
        let bytes = try DICOMFile.readBytes(path: SampleCorpus.path(name), limit: 1 << 30)
        for cut in HostileInputTests.cutOffsets(count: bytes.count, seed: UInt64(bytes.count)) {
            HostileInputTests.readAndDecode(Array(bytes[0..<cut]), label: "\(name)[0..<\(cut)]")
        }
    }

    @Test("Flipped bytes give an error or an image", arguments: SampleCorpus.fileNames())
    func flipped(name: String) throws {
        let bytes = try DICOMFile.readBytes(path: SampleCorpus.path(name), limit: 1 << 30)
        var generator = SeededGenerator(seed: 0x5EED ^ UInt64(bytes.count))
        let headerEnd = min(bytes.count, 4096)
        for round in 0..<24 {
            var damaged = bytes
            for _ in 0..<(1 + round % 4) {
                let position = Int.random(in: 0..<headerEnd, using: &generator)
                damaged[position] ^= UInt8.random(in: 1...255, using: &generator)
            }
            HostileInputTests.readAndDecode(damaged, label: "\(name)#\(round)")
        }
    }

    @Test("Truncated pixel data is reported as such")
    func truncatedPixelData() throws {
        let bytes = try DICOMFile.readBytes(path: SampleCorpus.path("mr_small_evrle.dcm"), limit: 1 << 30)
        let whole = try DICOMFile(bytes: bytes, source: "whole.dcm")
        let pixelStart = try #require(whole.dataSet[.pixelData]).valueOffset
        let file = try DICOMFile(bytes: Array(bytes[0..<(pixelStart + 64 * 64 * 2 - 100)]), source: "cut.dcm")
        let image = try DICOMImage(file: file)
        #expect {
            _ = try image.frame(0)
        } throws: { error in
            guard case DICOMError.truncatedPixelData(let source, _, let expected, let available) = error else {
                return false
            }
            return source == "cut.dcm" && expected == 64 * 64 * 2 && available == 64 * 64 * 2 - 100
        }
    }

    @Test("Garbage and empty input are not DICOM")
    func garbage() {
        for bytes in [[], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], Array("hello, world".utf8)] {
            #expect(throws: DICOMError.self) { try DICOMFile(bytes: bytes, source: "junk") }
            do {
                _ = try DICOMFile(bytes: bytes, source: "junk")
            } catch {
                guard case .notDICOM = error else {
                    Issue.record("expected notDICOM, got \(error)")
                    return
                }
            }
        }
    }
}
