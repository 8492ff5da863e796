import LucidCodecs
import LucidImaging
import LucidPNG
import LucidTestSupport
import Testing

@Suite("PNG text chunks")
struct PNGTextTests {
    let image = TestImages.random(UInt8.self, width: 4, height: 3, seed: 1)

    @Test("Latin-1 and non-Latin-1 text round-trip in order")
    func roundTrip() throws {
        let chunks = [
            PNGTextChunk(keyword: "Source", text: "/data/CT 0001.dcm"),
            PNGTextChunk(keyword: "Frame", text: "3"),
            PNGTextChunk(keyword: "Window", text: "center 40, width 400 (linear)\nsecond line"),
            PNGTextChunk(keyword: "Patient Name", text: "Müller^Zoë"),
            PNGTextChunk(keyword: "Comment", text: "日本語 ≥ 40 HU"),
            PNGTextChunk(keyword: "Empty", text: ""),
        ]
        let decoded = try PNGCodec.decode(PNGCodec.encode(image, textChunks: chunks))
        #expect(decoded.textChunks == chunks)
        #expect(decoded.text(forKeyword: "Frame") == "3")
        #expect(decoded.image == .gray8(image))
    }

    @Test("Latin-1 text is written as tEXt, other text as iTXt")
    func chunkTypes() throws {
        let file = try PNGCodec.encode(
            image,
            textChunks: [PNGTextChunk(keyword: "A", text: "café"), PNGTextChunk(keyword: "B", text: "Ωmega")])
        let types = PNGBytes.chunks(of: file).map(\.type)
        #expect(types.filter { $0 == "tEXt" }.count == 1)
        #expect(types.filter { $0 == "iTXt" }.count == 1)
        let text = try #require(PNGBytes.chunks(of: file).first { $0.type == "tEXt" })
        #expect(text.data == [0x41, 0, 0x63, 0x61, 0x66, 0xE9])
    }

    @Test(
        "invalid keywords are rejected",
        arguments: [
            "", " Lead", "Trail ", "Two  spaces", String(repeating: "k", count: 80), "Tab\tKey", "Ω", "a\u{7F}",
        ])
    func invalidKeywords(keyword: String) {
        #expect(throws: CodecError.invalidTextKeyword(keyword)) {
            try PNGCodec.encode(image, textChunks: [PNGTextChunk(keyword: keyword, text: "x")])
        }
    }

    @Test("valid edge-case keywords are accepted")
    func validKeywords() throws {
        for keyword in ["k", String(repeating: "k", count: 79), "Größe ¡ÿ", "a b c"] {
            #expect(PNGTextChunk.isValidKeyword(keyword))
            let decoded = try PNGCodec.decode(
                PNGCodec.encode(image, textChunks: [PNGTextChunk(keyword: keyword, text: "v")]))
            #expect(decoded.textChunks == [PNGTextChunk(keyword: keyword, text: "v")])
        }
    }

    @Test("text containing NUL is rejected")
    func nulText() {
        #expect(throws: CodecError.invalidTextValue(keyword: "Note")) {
            try PNGCodec.encode(image, textChunks: [PNGTextChunk(keyword: "Note", text: "a\u{0}b")])
        }
    }

    @Test("text chunks after the image data are read too")
    func textAfterImageData() throws {
        let file = try PNGCodec.encode(image)
        let iend = PNGBytes.chunk("IEND", [])
        let late = PNGBytes.chunk("tEXt", Array("Late".utf8) + [0] + Array("yes".utf8))
        let edited = Array(file.dropLast(iend.count)) + late + iend
        let decoded = try PNGCodec.decode(edited)
        #expect(decoded.textChunks == [PNGTextChunk(keyword: "Late", text: "yes")])
    }
}
