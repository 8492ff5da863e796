import Foundation
import LucidDICOM
import LucidDose
import LucidTestSupport
import Testing

/// Damaged dose reports (cuts, flipped bytes, lengths past the end): every copy the parser accepts
/// reads into `DoseFacts`, flags and JSON without failing, whatever its tree has become.
@Suite struct DoseMutationTests {
    static let reports = ((try? SampleCorpus.doseEntries()) ?? []).filter { $0["modality"] as? String == "SR" }
        .compactMap { $0["file"] as? String }

    @Test("Every parsable damaged copy of each report reads", arguments: reports)
    func damaged(_ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: SampleCorpus.dosePath(name))))
        let mutations = DICOMMutation.all(for: bytes, seed: 14, maximumFields: 40)
        var read = 0
        for mutation in mutations {
            guard let file = try? DICOMFile(bytes: mutation.apply(to: bytes), source: name) else { continue }
            let facts = DoseFacts(dataSet: file.dataSet)
            let object = facts.jsonObject(path: name, flags: facts.flags(referenceLevels: .builtIn))
            #expect(JSONSerialization.isValidJSONObject(object), "\(name) \(mutation)")
            read += 1
        }
        #expect(read > 0, "\(name): no damaged copy parsed")
    }
}
