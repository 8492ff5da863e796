import Foundation
import LucidArchive
import LucidDICOM
import LucidTestSupport
import Testing

@Suite struct DigestAndUIDTests {
    @Test("SHA-256 of libcrypto agrees with the FIPS 180-4 reference and the standard test vectors")
    func digest() {
        #expect(SHA256Digest.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var generator = SeededGenerator(seed: 7)
        for count in [1, 55, 56, 64, 1000, 70_001] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(SHA256Digest.hex(bytes) == SHA256.hex(bytes), "\(count) bytes")
        }
    }

    @Test("a file larger than the 1 MiB chunk is hashed in a stream to the same digest")
    func streamedFile() throws {
        var generator = SeededGenerator(seed: 11)
        let bytes = (0..<(3 << 20) + 5).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let folder = try LucidBinary.temporaryFolder()
        let path = folder + "/big.bin"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        #expect(try SHA256Digest.hex(fileAt: path) == SHA256.hex(bytes))
        #expect(throws: ArchiveError.self) { try SHA256Digest.hex(fileAt: folder + "/absent") }
    }

    @Test("derived UIDs are valid, deterministic, and differ by series, recipe, instance, source bytes and frame")
    func uids() {
        let series = DerivedUIDs.series(sourceSeriesUID: "1.2.3", recipe: "window:file")
        #expect(DICOMUID.isValid(series))
        #expect(series.hasPrefix("2.25."))
        #expect(series == DerivedUIDs.series(sourceSeriesUID: "1.2.3", recipe: "window:file"))
        #expect(series != DerivedUIDs.series(sourceSeriesUID: "1.2.3", recipe: "window:lung"))
        #expect(series != DerivedUIDs.series(sourceSeriesUID: "1.2.4", recipe: "window:file"))
        func instance(_ sop: String = "1.2.3.9", source: String = "aa", recipe: String = "window:file", frame: Int = 1)
            -> String
        {
            DerivedUIDs.instance(sourceSOPInstanceUID: sop, sourceSHA256: source, recipe: recipe, frame: frame)
        }
        let one = instance()
        #expect(DICOMUID.isValid(one))
        #expect(one == instance())
        #expect(one != instance(frame: 2))
        #expect(one != instance(recipe: "window:lung"))
        #expect(one != instance("1.2.3.8"))
        #expect(one != instance(source: "ab"), "two files claiming one SOP Instance UID get different derived UIDs")
    }
}
