import Foundation
import LucidArchive
import LucidDICOM
import LucidTestSupport
import Testing

/// The key an instance is filed under, for each kind of SOP Instance UID a file may state.
@Suite struct ArchiveKeyTests {
    static let digest = SHA256.hex([1, 2, 3])

    @Test("a conformant UID is its own key, without a note")
    func conformant() {
        let (key, note) = ArchiveKey.key(stated: "1.2.840.10008.1.2", fileSHA256: Self.digest)
        #expect(key == "1.2.840.10008.1.2" && note == nil)
    }

    @Test("digits and single dots with a leading zero: kept as stated, with a note")
    func leadingZero() throws {
        let (key, note) = ArchiveKey.key(stated: "999.999.01.23.45.6789", fileSHA256: Self.digest)
        #expect(key == "999.999.01.23.45.6789")
        let text = try #require(note)
        #expect(text.contains("'999.999.01.23.45.6789' is not conformant"))
        #expect(text.contains("component '01' has a leading zero") && text.hasSuffix("kept as stated"))
        #expect(ArchiveKey.key(stated: "999.999.01.23.45.6789", fileSHA256: SHA256.hex([9])).key == key)
    }

    @Test("other characters or over 64 characters: a 2.25 key from the stated value, the same for every file")
    func derivedFromStatedValue() throws {
        let long = String(repeating: "1.", count: 40) + "1"
        for stated in ["1.2.abc", "1..2", ".1.2", "1.2/../../etc", long, "1.2.3\u{1B}[31m"] {
            let (key, note) = ArchiveKey.key(stated: stated, fileSHA256: Self.digest)
            #expect(key.hasPrefix("2.25.") && DICOMUID.isValid(key), "\(stated)")
            #expect(note?.contains("derived from the stated value") == true, "\(stated)")
            #expect(ArchiveKey.key(stated: stated, fileSHA256: SHA256.hex([9])).key == key, "\(stated)")
            #expect(key != ArchiveKey.key(stated: "", fileSHA256: Self.digest).key)
        }
        #expect(
            ArchiveKey.key(stated: "1.2.abc", fileSHA256: Self.digest).key
                != ArchiveKey.key(
                    stated: "1.2.abd", fileSHA256: Self.digest
                ).key)
    }

    @Test("an empty UID: a 2.25 key from the file's SHA-256, different files different keys")
    func empty() throws {
        let (key, note) = ArchiveKey.key(stated: "", fileSHA256: Self.digest)
        #expect(key.hasPrefix("2.25.") && DICOMUID.isValid(key))
        #expect(note == "SOP Instance UID (0008,0018) is empty; filed under \(key) derived from the file's SHA-256")
        #expect(ArchiveKey.key(stated: "", fileSHA256: Self.digest).key == key)
        #expect(ArchiveKey.key(stated: "", fileSHA256: SHA256.hex([4])).key != key)
    }

    @Test("every key is a safe file name: digits and single dots, at most 64 characters")
    func keysAreSafeFileNames() {
        var generator = SeededGenerator(seed: 13)
        let alphabet = Array("0123456789..../\\a \u{0}-")
        var stated = ["", ".", "..", "../x", "1.2.3", "0.0", "01", String(repeating: "9", count: 65)]
        for _ in 0..<500 {
            let length = Int.random(in: 0...70, using: &generator)
            stated.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "1" }))
        }
        for value in stated {
            let key = ArchiveKey.key(stated: value, fileSHA256: Self.digest).key
            #expect(ArchiveKey.isSafeFileName(key), "\(value) gave \(key)")
            #expect(!key.hasPrefix(".") && !key.contains("..") && !key.contains("/") && key.utf8.count <= 64)
        }
        for unsafe in ["", ".", "..", ".1", "1.", "1..2", "1/2", "1.a", String(repeating: "1", count: 65)] {
            #expect(!ArchiveKey.isSafeFileName(unsafe), "\(unsafe)")
        }
    }

    @Test("the identity of a real file states its UID and carries the note")
    func identityOfSampleFiles() throws {
        let odd = try DICOMImage(path: SampleCorpus.path("cr_mono1_modality_lut_seq_jpegll.dcm"))
        let identity = InstanceIdentity(dataSet: odd.dataSet, fileSHA256: Self.digest)
        #expect(identity.sopInstanceUID == "999.999.01.23.45.6789")
        #expect(identity.statedSOPInstanceUID == "999.999.01.23.45.6789" && identity.uidNote != nil)

        let empty = try DICOMImage(path: SampleCorpus.path("ot_jpeg_baseline_gray8.dcm"))
        let keyed = InstanceIdentity(dataSet: empty.dataSet, fileSHA256: Self.digest)
        #expect(keyed.statedSOPInstanceUID == "" && keyed.sopInstanceUID.hasPrefix("2.25."))
        #expect(keyed.uidNote?.contains("is empty") == true)

        let plain = try DICOMImage(path: SampleCorpus.path("ct_nema_ct1_evrle.dcm"))
        let conformant = InstanceIdentity(dataSet: plain.dataSet, fileSHA256: Self.digest)
        #expect(conformant.sopInstanceUID == conformant.statedSOPInstanceUID && conformant.uidNote == nil)
    }
}
