import LucidDose
import LucidTestSupport
import Testing

/// Every file of the dose set (`dose-manifest.json`, made with pydicom): its kind, every total, every
/// event's CTDIvol, DLP, DAP, dose at the reference point and AGD in document order with its unit as
/// written and normalised, and the header's dose attributes, within 0.01 %.
@Suite struct DoseManifestTests {
    static let names = ((try? SampleCorpus.doseEntries()) ?? []).compactMap { $0["file"] as? String }

    @Test("The dose set and its manifest are there: 23 files")
    func corpusPresent() throws {
        let entries = try SampleCorpus.doseEntries()
        #expect(entries.count == 23)
    }

    @Test("Kind, totals, events and header doses equal the manifest", arguments: names)
    func file(_ name: String) throws {
        let entry = try #require(try SampleCorpus.doseEntries().first { $0["file"] as? String == name })
        let facts = try DoseSamples.facts(name)
        #expect(facts.kind.rawValue == entry["kind"] as? String, "\(name)")
        #expect(facts.modality == entry["modality"] as? String, "\(name)")
        for item in entry["items"] as? [[String: Any]] ?? [] { try checkUnit(item, facts: facts, name: name) }
        for (key, values) in entry["totals"] as? [String: [Double]] ?? [:] {
            let value: DoseQuantity? =
                switch key {
                case "ctDoseLengthProductTotal": facts.ct?.dlpTotal
                case "doseAreaProductTotal": facts.projection?.dapTotal
                case "doseRPTotal": facts.projection?.doseRPTotal
                default: nil
                }
            #expect(values.count == 1 && DoseSamples.close(value?.value ?? .nan, values[0]), "\(name) \(key)")
        }
        if entry["kind"] as? String == "rdsr" { try checkEvents(entry, facts: facts, name: name) }
        if let header = entry["header"] as? [String: Double] { checkHeader(header, facts: facts, name: name) }
    }

    private func checkEvents(_ entry: [String: Any], facts: DoseFacts, name: String) throws {
        let items = entry["items"] as? [[String: Any]] ?? []
        let values = { (item: String) in
            items.filter { $0["item"] as? String == item }.compactMap { $0["value"] as? Double }
        }
        let ct = facts.ct?.events ?? []
        let projection = facts.projection?.events ?? []
        let expectedCT = try #require(entry["ct_events"] as? [Double])
        let expectedDAP = try #require(entry["dap_events"] as? [Double])
        #expect(DoseSamples.close(ct.compactMap(\.ctdiVol?.value), expectedCT), "\(name) CTDIvol")
        #expect(DoseSamples.close(ct.compactMap(\.ctdiVol?.value), values("meanCTDIvol")), "\(name) CTDIvol")
        #expect(DoseSamples.close(ct.compactMap(\.dlp?.value), values("dlp")), "\(name) DLP")
        #expect(DoseSamples.close(projection.compactMap(\.dap?.value), expectedDAP), "\(name) DAP")
        #expect(DoseSamples.close(projection.compactMap(\.dap?.value), values("doseAreaProduct")), "\(name) DAP")
        #expect(DoseSamples.close(projection.compactMap(\.doseRP?.value), values("doseRP")), "\(name) dose (RP)")
        #expect(
            DoseSamples.close(projection.compactMap(\.averageGlandularDose?.value), values("averageGlandularDose")),
            "\(name) AGD")
        #expect(
            DoseSamples.close(
                facts.projection?.accumulatedAverageGlandularDose.map(\.value) ?? [],
                values("accumulatedAverageGlandularDose")), "\(name) accumulated AGD")
        let phantoms = items.filter { $0["item"] as? String == "ctdiwPhantomType" }.compactMap {
            $0["meaning"] as? String
        }
        #expect(ct.compactMap(\.phantom) == phantoms, "\(name) phantom")
    }

    /// A dose item's unit: as written in `documentUnit`, normalised in `unit`.
    private func checkUnit(_ item: [String: Any], facts: DoseFacts, name: String) throws {
        guard let written = item["unit"] as? String, let kind = item["item"] as? String else { return }
        let quantities: [DoseQuantity] =
            switch kind {
            case "ctDoseLengthProductTotal": [facts.ct?.dlpTotal].compactMap { $0 }
            case "meanCTDIvol": facts.ct?.events.compactMap(\.ctdiVol) ?? []
            case "dlp": facts.ct?.events.compactMap(\.dlp) ?? []
            case "doseAreaProductTotal": [facts.projection?.dapTotal].compactMap { $0 }
            case "doseAreaProduct": facts.projection?.events.compactMap(\.dap) ?? []
            case "doseRPTotal": [facts.projection?.doseRPTotal].compactMap { $0 }
            case "doseRP": facts.projection?.events.compactMap(\.doseRP) ?? []
            default: []
            }
        for quantity in quantities where quantity.documentUnit == written {
            #expect(quantity.unit == DoseSamples.normalisedUnits[written], "\(name) \(kind) \(written)")
        }
        if !quantities.isEmpty {
            #expect(quantities.contains { $0.documentUnit == written }, "\(name) \(kind): no value in \(written)")
        }
    }

    private func checkHeader(_ header: [String: Double], facts: DoseFacts, name: String) {
        for (key, expected) in header {
            switch key {
            case "ImageAndFluoroscopyAreaDoseProduct":
                #expect(
                    facts.dap?.unit == "dGy.cm2" && DoseSamples.close(facts.dap?.value ?? .nan, expected), "\(name)")
            case "dap_Gym2":
                let converted = facts.dap?.converted(to: "Gy.m2")
                #expect(converted?.unit == "Gy.m2" && DoseSamples.close(converted?.value ?? .nan, expected), "\(name)")
            case "ExposureIndex": #expect(DoseSamples.close(facts.exposure?.exposureIndex ?? .nan, expected))
            case "TargetExposureIndex":
                #expect(DoseSamples.close(facts.exposure?.targetExposureIndex ?? .nan, expected))
            case "DeviationIndex": #expect(DoseSamples.close(facts.exposure?.deviationIndex ?? .nan, expected))
            case "CTDIvol": #expect(DoseSamples.close(facts.ctdiVol?.value ?? .nan, expected))
            case "EntranceDoseInmGy": #expect(DoseSamples.close(facts.entranceDose?.value ?? .nan, expected))
            case "OrganDose": #expect(DoseSamples.close(facts.organDose?.value ?? .nan, expected))
            default: Issue.record("\(name): header key \(key) of the manifest is not checked")
            }
        }
        if header.isEmpty {
            #expect(facts.dap == nil && facts.ctdiVol == nil && facts.entranceDose == nil && facts.organDose == nil)
        }
    }
}
