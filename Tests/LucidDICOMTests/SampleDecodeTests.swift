import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Every file of the shared corpus: lossless decodes match the manifest's digest and probe pixels
/// exactly; the rest fail with their specific error.
@Suite struct SampleDecodeTests {
    @Test("The corpus is present and complete") func corpusPresent() throws {
        let names = try SampleCorpus.manifestEntries().compactMap { $0["file"] as? String }
        #expect(names.count == 43)
    }

    @Test("Stored values of frame 0 match the manifest", arguments: SampleCorpus.fileNames())
    func storedValues(name: String) throws {
        let entry = try SampleCorpus.entry(name)
        let outcome = SampleOutcome.of(name)
        let decoded: (DICOMImage, GrayImage<UInt16>)
        do throws(DICOMError) {
            let image = try DICOMImage(path: SampleCorpus.path(name))
            decoded = (image, try image.frame(0))
        } catch {
            #expect(outcome.matches(error), "\(name): unexpected error \(error)")
            #expect(error.description.contains(SampleCorpus.path(name)), "the message names the file")
            return
        }
        let (image, frame) = decoded
        guard case .decode = outcome else {
            Issue.record("\(name) decoded but should have failed with \(outcome)")
            return
        }
        let stored = try #require(entry["stored_frame0"] as? [String: Any])
        let dtype = try #require(stored["dtype"] as? String)
        let values = frame.pixels.map { image.pixel.encoding.storedValue(ofSample: $0) }
        // Lossy syntaxes: the reference decoders disagree among themselves (see the manifest).
        let lossy = StoredFrameCorpusTests.lossySyntaxes.contains(entry["transfer_syntax_uid"] as? String ?? "")
        let tolerance = lossy ? StoredFrameBytes.lossyTolerance(bitsStored: image.pixel.bitsStored) : 0
        if !lossy {
            #expect(SHA256.hex(littleEndianBytes(values, dtype: dtype)) == stored["sha256_le"] as? String)
        }
        for probe in (stored["probe_pixels"] as? [[Int]]) ?? [] {
            let value = values[probe[0] * frame.width + probe[1]]
            #expect(abs(value - probe[2]) <= tolerance, "\(name) pixel \(probe): \(value)")
        }
        #expect(frame.width == entry["columns"] as? Int)
        #expect(frame.height == entry["rows"] as? Int)
    }

    func littleEndianBytes(_ values: [Int], dtype: String) -> [UInt8] {
        switch dtype {
        case "uint8", "int8": return values.map { UInt8(truncatingIfNeeded: $0) }
        default: return values.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
        }
    }
}
