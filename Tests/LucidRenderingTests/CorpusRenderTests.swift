import Foundation
import LucidDICOM
import LucidRendering
import LucidTestSupport
import Testing

/// Every file of both corpora that the reference renders, rendered by Lucid with the reference
/// rule, matches `expected/*.png`: grayscale within 1 grey level, colour as RGB within 1 per
/// sample; frames of lossy transfer syntaxes (whose decoders disagree) within 3.
@Suite struct CorpusRenderTests {
    struct Case: Sendable, CustomStringConvertible {
        let folder: String
        let name: String
        let png: String
        let lossy: Bool
        var description: String { name }
    }

    static let lossySyntaxes: Set<String> = [
        "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.91",
    ]

    static func cases(_ entries: [[String: Any]], folder: String) -> [Case] {
        entries.compactMap { entry in
            guard let name = entry["file"] as? String, let render = entry["render"] as? [String: Any],
                render["status"] as? String == "ok", let png = render["png"] as? String
            else { return nil }
            let syntax = entry["transfer_syntax_uid"] as? String ?? ""
            return Case(folder: folder, name: name, png: png, lossy: lossySyntaxes.contains(syntax))
        }
    }

    static let all: [Case] =
        cases((try? SampleCorpus.manifestEntries()) ?? [], folder: SampleCorpus.directory)
        + cases((try? SampleCorpus.codecEntries()) ?? [], folder: SampleCorpus.codecsDirectory)

    @Test("Every reference rendering is compared") func coverage() {
        #expect(Self.all.count == 37 + 62)
    }

    @Test("Lucid's rendering matches expected/*.png", arguments: all)
    func render(_ item: Case) throws {
        let expected = try ReferencePNG(path: item.folder + "/" + item.png)
        let image = try DICOMImage(path: item.folder + "/" + item.name)
        let rendering = try Renderer.render(image, options: .reference)
        let actual: [UInt8]
        if expected.channels == 3 {
            actual = try #require(rendering.color8, "\(item.name): no RGB rendering").samples
        } else {
            actual = try #require(rendering.image8, "\(item.name): no grayscale rendering").pixels
        }
        #expect(rendering.width == expected.width && rendering.height == expected.height)
        try #require(actual.count == expected.samples.count, "\(item.name): sample count differs")
        var worst = 0, differing = 0
        for (a, e) in zip(actual, expected.samples) where a != e {
            worst = max(worst, abs(Int(a) - Int(e)))
            differing += 1
        }
        let tolerance = item.lossy ? 3 : 1
        #expect(worst <= tolerance, "\(item.name): largest difference \(worst), \(differing) samples differ")
    }
}
