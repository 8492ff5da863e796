import Foundation
import LucidFiles
import LucidTestSupport
import Testing

/// File names as bytes in a `String`: the escape is reversible, injective and leaves UTF-8 alone.
@Suite struct FileSystemNameTests {
    /// A random file name of 0 to 40 bytes without `/` and NUL, biased towards the bytes that make
    /// UTF-8 hard: lead bytes, continuation bytes and the escape range's own encoding (EF 9E/9F).
    static func randomName(_ generator: inout SeededGenerator) -> [UInt8] {
        let interesting: [UInt8] = [0xC2, 0xC3, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0x80, 0x9E, 0x9F, 0xBF, 0xE9, 0xFF]
        return (0..<Int.random(in: 0...40, using: &generator)).map { _ in
            var byte: UInt8
            repeat {
                byte =
                    Bool.random(using: &generator)
                    ? interesting[Int.random(in: 0..<interesting.count, using: &generator)]
                    : UInt8.random(in: 0...255, using: &generator)
            } while byte == 0 || byte == UInt8(ascii: "/")
            return byte
        }
    }

    @Test("bytes -> String -> bytes is the identity for 20,000 seeded random names")
    func roundTrip() {
        var generator = SeededGenerator(seed: 0x5EED_F11E)
        for _ in 0..<20_000 {
            let name = Self.randomName(&generator)
            let string = FileSystemName.string(name)
            #expect(FileSystemName.bytes(string) == name, "\(RawFileNames.shown(name))")
            #expect(FileSystemName.withCPath(string) { strlen($0) } == name.count)
        }
    }

    @Test("Different byte strings give different strings")
    func injective() {
        var generator = SeededGenerator(seed: 42)
        var seen: [String: [UInt8]] = [:]
        for _ in 0..<20_000 {
            let name = Self.randomName(&generator)
            let string = FileSystemName.string(name)
            // Compared by scalars: String equality would take canonically equivalent names as equal.
            let key = string.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
            if let earlier = seen[key] { #expect(earlier == name) }
            seen[key] = name
        }
    }

    @Test("Valid UTF-8 names are unchanged; their bytes are their UTF-8")
    func utf8Unchanged() {
        for name in ["plain.dcm", "é.dcm", "日本語/画像.dcm", "emoji 🩻.dcm", "e\u{301}.dcm", "", "\u{F77F}", "\u{F800}"] {
            #expect(FileSystemName.string(Array(name.utf8)).unicodeScalars.elementsEqual(name.unicodeScalars))
            #expect(FileSystemName.bytes(name) == Array(name.utf8))
            #expect(FileSystemName.displayed(name) == name)
        }
    }

    @Test("A byte that is not UTF-8 becomes U+F700 + byte and is displayed as \\xe9")
    func escapes() {
        let latin = FileSystemName.string(Array("latin".utf8) + [0xE9] + Array(".dcm".utf8))
        #expect(
            latin.unicodeScalars.map(\.value) == Array("latin".unicodeScalars.map(\.value)) + [0xF7E9] + [
                46, 100, 99, 109,
            ])
        #expect(FileSystemName.displayed(latin) == "latin\\xe9.dcm")
        // An overlong "/" (C0 AF), a surrogate (ED A0 80) and a lone continuation byte are escaped byte by byte.
        #expect(
            FileSystemName.displayed(FileSystemName.string([0xC0, 0xAF, 0xED, 0xA0, 0x80, 0x80]))
                == "\\xc0\\xaf\\xed\\xa0\\x80\\x80")
        // U+F7E9 written as UTF-8 is escaped byte by byte, so it cannot pass for the byte E9.
        let privateUse = FileSystemName.string(Array("\u{F7E9}".utf8))
        #expect(FileSystemName.displayed(privateUse) == "\\xef\\x9f\\xa9")
        #expect(FileSystemName.bytes(privateUse) == [0xEF, 0x9F, 0xA9])
    }

    @Test("withCPath hands the system the original bytes")
    func cPath() throws {
        let folder = try LucidBinary.temporaryFolder()
        let raw = RawFileNames.path(folder + "/latin", [0xE9], ".dcm")
        try RawFileNames.write([1, 2, 3], to: raw)
        var info = stat()
        #expect(FileSystemName.withCPath(FileSystemName.string(raw)) { stat($0, &info) } == 0)
        #expect(info.st_size == 3)
    }
}
