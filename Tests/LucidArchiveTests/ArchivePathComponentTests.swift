import LucidArchive
import Testing

@Suite struct ArchivePathComponentTests {
    @Test("plain header values are kept as they are")
    func plain() {
        #expect(ArchivePathComponent.sanitize("4MR1") == "4MR1")
        #expect(ArchivePathComponent.sanitize("1.2.840.113619.2.30") == "1.2.840.113619.2.30")
        #expect(ArchivePathComponent.sanitize("ANON^PATIENT  ") == "ANON^PATIENT")
    }

    @Test("empty, blank or missing values become UNKNOWN")
    func unknown() {
        #expect(ArchivePathComponent.sanitize(nil) == "UNKNOWN")
        #expect(ArchivePathComponent.sanitize("") == "UNKNOWN")
        #expect(ArchivePathComponent.sanitize("   ") == "UNKNOWN")
    }

    @Test(
        "hostile values give one safe name with a hash suffix",
        arguments: ["../../etc", "/etc/passwd", "..", ".", "a\\b", "tab\there", "new\nline", ".hidden", "Müller"])
    func hostile(value: String) {
        let name = ArchivePathComponent.sanitize(value)
        #expect(!name.isEmpty)
        #expect(!name.contains("/") && !name.contains("\\") && !name.contains(".."), "\(name)")
        #expect(!name.hasPrefix("."), "\(name)")
        #expect(name.utf8.allSatisfy { $0 >= 0x21 && $0 < 0x7F }, "\(name)")
        #expect(name.utf8.count <= 64)
        #expect(name.count > 9 && name.dropLast(8).hasSuffix("_"), "\(name) has the hash suffix")
    }

    @Test("../../etc becomes _._etc with a hash suffix; different values never share a name")
    func examples() {
        let etc = ArchivePathComponent.sanitize("../../etc")
        #expect(etc.hasPrefix("_._etc_"))
        #expect(etc.utf8.count == 15)
        #expect(ArchivePathComponent.sanitize("a/b") != ArchivePathComponent.sanitize("a_b"))
        #expect(ArchivePathComponent.sanitize("a/b") != ArchivePathComponent.sanitize("a\\b"))
    }

    @Test("long values are cut to 64 bytes with a hash suffix; two long values stay apart")
    func long() {
        let first = String(repeating: "7", count: 100) + "1"
        let second = String(repeating: "7", count: 100) + "2"
        let a = ArchivePathComponent.sanitize(first)
        let b = ArchivePathComponent.sanitize(second)
        #expect(a.utf8.count == 64)
        #expect(b.utf8.count == 64)
        #expect(a != b)
        #expect(a.hasPrefix(String(repeating: "7", count: 55) + "_"))
        #expect(ArchivePathComponent.sanitize(String(repeating: "8", count: 64)) == String(repeating: "8", count: 64))
    }

    /// Fuzz reproducer (FuzzArchivePath): Patient's Name and Patient ID of the crashing input. The
    /// name has a byte that is not UTF-8 and is renamed with a hash suffix; the ID is that result
    /// written out, which was kept as it is, so the two values shared one folder.
    @Test("a value shaped like another value's folder name does not take that folder")
    func imitatedHashSuffix() {
        let a = [UInt8](repeating: 0x61, count: 45)
        let mangled = String(
            decoding: a + [0x9F] + a.prefix(12) + [0x65] + a.prefix(21), as: UTF8.self)
        let imitation = String(repeating: "a", count: 45) + "___aaaaaaa_b1504da6"
        #expect(ArchivePathComponent.sanitize(mangled) == imitation)
        #expect(ArchivePathComponent.sanitize(imitation) != imitation)
        #expect(ArchivePathComponent.sanitize(imitation).utf8.count == 64)
        let renamed = ArchivePathComponent.sanitize("A B")
        #expect(ArchivePathComponent.sanitize(renamed) != renamed)
    }

    @Test("only a lowercase 8-hex-digit tail after '_' counts as a hash suffix")
    func hashSuffixShape() {
        #expect(ArchivePathComponent.sanitize("PAT_1234567") == "PAT_1234567")
        #expect(ArchivePathComponent.sanitize("PAT_ABCDEF12") == "PAT_ABCDEF12")
        #expect(ArchivePathComponent.sanitize("PAT-12345678") == "PAT-12345678")
        let suffixed = ArchivePathComponent.sanitize("PAT_12345678")
        #expect(suffixed.hasPrefix("PAT_12345678_") && suffixed.utf8.count == 21)
    }
}
