import Foundation
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Specific hostile inputs; every sample cut, flipped and with broken lengths is in the mutation
/// test (`MutationTests` in LucidCLITests).
@Suite struct HostileInputTests {
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
