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
        "hostile values give one safe name with a 128-bit hash suffix",
        arguments: ["../../etc", "/etc/passwd", "..", ".", "a\\b", "tab\there", "new\nline", ".hidden", "Müller"])
    func hostile(value: String) {
        let name = ArchivePathComponent.sanitize(value)
        #expect(!name.isEmpty)
        #expect(!name.contains("/") && !name.contains("\\") && !name.contains(".."), "\(name)")
        #expect(!name.hasPrefix("."), "\(name)")
        #expect(name.utf8.allSatisfy { $0 >= 0x21 && $0 < 0x7F }, "\(name)")
        #expect(name.utf8.count <= 64)
        #expect(name.count > 33 && name.dropLast(32).hasSuffix("_"), "\(name) has the hash suffix")
    }

    @Test("../../etc becomes _._etc with a hash suffix; different values never share a name")
    func examples() {
        let etc = ArchivePathComponent.sanitize("../../etc")
        #expect(etc.hasPrefix("_._etc_"))
        #expect(etc.utf8.count == 7 + 32)
        #expect(ArchivePathComponent.sanitize("a/b") != ArchivePathComponent.sanitize("a_b"))
        #expect(ArchivePathComponent.sanitize("a/b") != ArchivePathComponent.sanitize("a\\b"))
        #expect(ArchivePathComponent.sanitize("UNKNOWN") != ArchivePathComponent.sanitize(""))
    }

    @Test("long values are cut with a hash suffix to at most 64 bytes; two long values stay apart")
    func long() {
        let first = String(repeating: "7", count: 100) + "1"
        let second = String(repeating: "7", count: 100) + "2"
        let a = ArchivePathComponent.sanitize(first)
        let b = ArchivePathComponent.sanitize(second)
        #expect(a.utf8.count == 64)
        #expect(b.utf8.count == 64)
        #expect(a != b)
        #expect(a.hasPrefix(String(repeating: "7", count: 31) + "_"))
        #expect(ArchivePathComponent.sanitize(String(repeating: "8", count: 64)) == String(repeating: "8", count: 64))
    }

    /// Fuzz reproducer (FuzzArchivePath): a value with a byte that is not UTF-8 is renamed with a
    /// hash suffix; the same name written out as a value must not take that folder.
    @Test("a value shaped like another value's folder name does not take that folder")
    func imitatedHashSuffix() {
        let a = [UInt8](repeating: 0x61, count: 45)
        let mangled = String(decoding: a + [0x9F] + a.prefix(12) + [0x65] + a.prefix(21), as: UTF8.self)
        let renamedMangled = ArchivePathComponent.sanitize(mangled)
        #expect(ArchivePathComponent.sanitize(renamedMangled) != renamedMangled)
        let renamed = ArchivePathComponent.sanitize("A B")
        #expect(ArchivePathComponent.sanitize(renamed) != renamed)
        let digestLike = String(repeating: "ab", count: 16)
        #expect(ArchivePathComponent.sanitize(digestLike) != digestLike)
        #expect(ArchivePathComponent.sanitize("PAT_1234567") != "PAT_1234567", "a value holding _ is not plain")
        #expect(ArchivePathComponent.sanitize("PAT-12345678") == "PAT-12345678")
    }

    /// The scheme before 128-bit suffixes kept 32 bits of the value's SHA-256: such pairs are found
    /// in a fraction of a second, and shared one folder and one patient row.
    @Test("values that shared a folder under 32-bit suffixes get different folders")
    func generatedOldCollisions() {
        #expect(
            SHA256Digest.hex(Array("PAT!###$!*%".utf8)).prefix(8)
                == SHA256Digest.hex(Array("PAT!#$*#%*#".utf8)).prefix(8))
        #expect(ArchivePathComponent.sanitize("PAT!###$!*%") != ArchivePathComponent.sanitize("PAT!#$*#%*#"))
        let alphabet = Array("!#$*%&()".utf8)
        var seen: [Substring: String] = [:]
        var collisions: [(String, String)] = []
        var index = 0
        while collisions.count < 3, index < 1 << 21 {
            var value = Array("ID".utf8)
            var rest = index
            for _ in 0..<7 {
                value.append(alphabet[rest % alphabet.count])
                rest /= alphabet.count
            }
            index += 1
            let text = String(decoding: value, as: UTF8.self)
            let oldSuffix = SHA256Digest.hex(value).prefix(8)
            if let earlier = seen[oldSuffix] { collisions.append((earlier, text)) } else { seen[oldSuffix] = text }
        }
        #expect(collisions.count == 3)
        for (first, second) in collisions {
            #expect(ArchivePathComponent.sanitize(first) != ArchivePathComponent.sanitize(second), "\(first) \(second)")
            #expect(
                ArchivePathComponent.folderName(["20240101", first])
                    != ArchivePathComponent.folderName(["20240101", second]))
        }
    }

    @Test("joined values cannot be split differently: date + UID pairs that read the same get different folders")
    func unambiguousJoin() {
        let a = ArchivePathComponent.folderName(["20240101", "1.2.3_5"])
        let b = ArchivePathComponent.folderName(["20240101_1.2.3", "5"])
        #expect(a != b)
        #expect(ArchivePathComponent.folderName(["20240101", "1.2.3"]) == "20240101_1.2.3")
        #expect(ArchivePathComponent.folderName(["2", "CT", "1.2.3"]) == "2_CT_1.2.3")
        #expect(ArchivePathComponent.folderName(["", "CT", nil]) == "UNKNOWN_CT_UNKNOWN")
        #expect(ArchivePathComponent.folderName(["2", "C T", "1.2.3"]).utf8.count == "2_C_T_1.2.3".utf8.count + 33)
        let digestTail = ArchivePathComponent.folderName(["1", String(repeating: "0", count: 32)])
        #expect(digestTail != "1_" + String(repeating: "0", count: 32))
    }
}
