import Foundation
import LucidDose
import LucidTestSupport
import Testing

/// DCMTK's `dsrdump -Ec -Ee -Ev +Pc` reads the same content trees: for every dose report of the set,
/// the NUM items of the mapped concepts (value and UCUM unit, in document order) equal the generic
/// reader's. dsrdump refuses two files of the set outright (a `PERSON NAME` value type, a
/// `HAS CONCEPT MOD` written as a value type); those are listed and their refusal is checked, and
/// the manifest test covers their values.
@Suite struct DSRDumpAgreementTests {
    static let mappedConcepts = [
        "113813", "113830", "113838", "113722", "122130", "113725", "113738", "113845", "113846", "113847",
        "111637", "111631",
    ]
    static let refusedByDSRDump: Set<String> = ["CT-RDSR-SpectrumDynamics.dcm", "NM-RRDSR-Siemens-Extended.dcm"]
    static let reports = ((try? SampleCorpus.doseEntries()) ?? []).filter {
        ($0["sop_class"] as? String)?.hasPrefix("1.2.840.10008.5.1.4.1.1.88.") ?? false
    }
    .compactMap { $0["file"] as? String }

    /// One NUM line of dsrdump: `NUM:(113830,DCM,"Mean CTDIvol")="10.77" (mGy,UCUM,"mGy")`.
    struct Measurement: Equatable {
        let code: String
        let value: Double
        let unit: String
    }

    static func measurements(dsrdump output: String) -> [Measurement] {
        let pattern = #/NUM:\((\d+),DCM,"[^"]*"\)="([^"]*)" \(([^,]*),/#
        return output.split(separator: "\n").compactMap { line in
            guard let match = line.firstMatch(of: pattern), mappedConcepts.contains(String(match.1)),
                let value = Double(match.2)
            else { return nil }
            return Measurement(code: String(match.1), value: value, unit: String(match.3))
        }
    }

    @Test("The set holds the structured reports this suite compares: 11")
    func reportCount() { #expect(Self.reports.count == 11) }

    @Test("dsrdump's NUM items of the dose concepts equal the content tree reader's", arguments: reports)
    func agrees(_ name: String) throws {
        let found = ExternalTool.find("dsrdump")
        guard ExternalTool.require(found != nil, tool: "dsrdump", install: "Install DCMTK (apt-get install dcmtk)."),
            let dsrdump = found
        else { return }
        let result = try ExternalTool.run(dsrdump, ["-Ec", "-Ee", "-Ev", "+Pc", SampleCorpus.dosePath(name)])
        if Self.refusedByDSRDump.contains(name) {
            #expect(result.status != 0 && result.standardError.contains("Unknown Value Type"), "\(name)")
            return
        }
        #expect(result.status == 0, "\(name): \(result.standardError)")
        let expected = Self.measurements(dsrdump: result.standardOutput)
        let root = try #require(try DoseSamples.root(name))
        let read = root.allItems.compactMap { item -> Measurement? in
            guard item.valueType == "NUM", let code = item.conceptName?.value, Self.mappedConcepts.contains(code),
                let value = item.numericValue
            else { return nil }
            return Measurement(code: code, value: value, unit: item.units?.value ?? "")
        }
        #expect(read == expected, "\(name)")
        if name.hasPrefix("MG-") || name.hasPrefix("RF-RDSR") || name.hasPrefix("NM-CT") {
            #expect(!expected.isEmpty, "\(name): dsrdump printed no dose item")
        }
    }
}
