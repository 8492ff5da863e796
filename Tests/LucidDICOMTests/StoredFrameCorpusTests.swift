import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// Every file of both corpora that pydicom decodes is decoded by Lucid, frame 0's stored values
/// as the manifest gives them (PS3.5 §8; YBR not converted, palette indices not expanded, samples
/// interleaved): lossless transfer syntaxes bit for bit, lossy ones equal to one of the reference
/// decoders or, sample by sample over the whole frame, within their tolerance of one; the files
/// pydicom cannot decode are refused with a typed error naming the file, and those whose codestream
/// no decoder reads with a codec error naming frame 1.
@Suite struct StoredFrameCorpusTests {
    static let lossySyntaxes: Set<String> = [
        "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.91",
        "1.2.840.10008.1.2.4.203",
    ]

    static let codecFiles: [String] = ((try? SampleCorpus.codecEntries()) ?? []).compactMap { $0["file"] as? String }

    @Test("The codec corpus is present and complete") func corpusPresent() throws {
        #expect(try SampleCorpus.codecEntries().count == 64)
    }

    @Test("Codec corpus: stored values of frame 0 match the manifest", arguments: codecFiles)
    func codecCorpus(name: String) throws {
        let entry = try #require(try SampleCorpus.codecEntries().first { $0["file"] as? String == name })
        try check(path: SampleCorpus.codecsPath(name), entry: entry)
    }

    @Test("Sample corpus: stored values of frame 0 match the manifest", arguments: SampleCorpus.fileNames())
    func sampleCorpus(name: String) throws {
        try check(path: SampleCorpus.path(name), entry: try SampleCorpus.entry(name))
    }

    private func check(path: String, entry: [String: Any]) throws {
        let decode = entry["decode"] as? [String: Any]
        let decodable = decode?["status"] as? String == "ok"
        let frame: StoredFrame
        do throws(DICOMError) {
            frame = try DICOMImage(path: path).storedFrame(0)
        } catch {
            #expect(!decodable, "\(path): pydicom decodes it but Lucid refused: \(error)")
            #expect(error.description.contains(path), "the message names the file: \(error)")
            // pydicom reached the codestream and every decoder failed on it: the refusal is the frame's.
            if (decode?["error"] as? String)?.contains("exceptions were raised by all available plugins") == true {
                guard case .codec(path, _, let number, _) = error else {
                    Issue.record("\(path): a codestream that does not decode is refused as a codec error: \(error)")
                    return
                }
                #expect(number == 1 && error.description.contains("frame 1 "), "the refusal names frame 1: \(error)")
            }
            return
        }
        try #require(decodable, "\(path) decoded, but pydicom cannot decode it: it must be refused")
        let stored = try #require(entry["stored_frame0"] as? [String: Any])
        let dtype = try #require(stored["dtype"] as? String)
        let digest = SHA256.hex(StoredFrameBytes.littleEndian(frame, dtype: dtype))
        let syntax = entry["transfer_syntax_uid"] as? String ?? ""
        if Self.lossySyntaxes.contains(syntax) {
            let references = Set(((decode?["decoders"] as? [String: String]) ?? [:]).values)
            if references.contains(digest) { return }
            try LossyReferenceFrames.checkWholeFrame(frame, path: path, entry: entry)
        } else {
            #expect(digest == stored["sha256_le"] as? String, "\(path): stored values differ from pydicom's")
        }
    }
}
