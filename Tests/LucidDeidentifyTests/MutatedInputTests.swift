import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

@testable import LucidDeidentify

/// Damaged files (seeded cuts, flipped bytes, lying lengths) through the de-identifier: it never
/// crashes, and whatever it writes reads back and holds neither the patient's name nor ID.
@Suite struct MutatedInputTests {
    static let names = [
        SampleCorpus.path("ct_nema_ct1_evrle.dcm"), SampleCorpus.path("mr_small_ivrle.dcm"),
        SampleCorpus.path("ct_enhanced_2frame_rle.dcm"), DeidentifyFixtures.doseDirectory + "/NM-RRDSR-Siemens.dcm",
    ]

    @Test(arguments: names) func damagedFilesNeverCrashNorLeak(path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let deidentifier = DeidentifyFixtures.deidentifier()
        var written = 0
        for mutation in DICOMMutation.all(for: Array(bytes), seed: 15, maximumFields: 60) {
            let damaged = mutation.apply(to: Array(bytes))
            guard let input = try? DICOMFile(bytes: damaged, source: "\(mutation)") else { continue }
            guard let output = try? deidentifier.deidentify(input) else { continue }
            let reread = try DICOMFile(bytes: output.bytes, source: "out \(mutation)")
            let texts = DeidentifyFixtures.textValues(of: reread.dataSet).filter { !$0.hasPrefix("2.25.") }
            let kept = DeidentifyFixtures.otherValues(of: input.dataSet)
            for tag in [DICOMTag.patientName, .patientID] {
                guard let value = input.dataSet.string(tag), value.utf8.count >= 4,
                    !kept.contains(where: { $0.contains(value) })
                else { continue }
                #expect(!texts.contains { $0.contains(value) }, "\(mutation): \(tag.described) '\(value)' left")
            }
            written += 1
        }
        #expect(written > 0)
    }
}
