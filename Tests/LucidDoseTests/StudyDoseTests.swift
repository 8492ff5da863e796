import LucidDICOM
import LucidDose
import LucidTestSupport
import Testing

/// A study's reports summed: each report once by SOP Instance UID, totals in one unit.
@Suite struct StudyDoseTests {
    static func report(uid: String, dlpTotal: Double, unit: String) throws -> DoseFacts {
        DoseFacts(
            dataSet: try SyntheticDose.read(
                SyntheticDose.report(
                    sopInstance: uid,
                    content: [
                        SyntheticDose.container("113811", [SyntheticDose.num("113813", dlpTotal, unit: unit)]),
                        SyntheticDose.ctAcquisition(ctdiVol: 10, dlp: dlpTotal, dlpUnit: unit),
                    ])))
    }

    @Test("Two reports and a copy of the first: totals added once each, events appended")
    func sums() throws {
        var study = StudyDose(studyInstanceUID: "1.2.3")
        let first = try Self.report(uid: "1.2.3.1", dlpTotal: 120.5, unit: "mGycm")
        let added = [
            study.add(first, path: "a.dcm"),
            study.add(try Self.report(uid: "1.2.3.2", dlpTotal: 0.25, unit: "Gy.cm"), path: "b.dcm"),
            study.add(first, path: "copy.dcm"),
        ]
        #expect(added == [true, true, false])
        #expect(study.reports == ["a.dcm", "b.dcm"])
        #expect(study.ct?.dlpTotal == DoseQuantity(value: 370.5, unit: "mGy.cm"))
        #expect(study.ct?.events.count == 2)
    }

    @Test("A report repeating an event of an earlier one adds only its new events, not its total")
    func repeatedEvents() throws {
        let report = { (uid: String, events: [(String, Double)]) throws -> DoseFacts in
            let acquisitions = events.map { SyntheticDose.ctAcquisition(ctdiVol: 10, dlp: $0.1, eventUID: $0.0) }
            let total = events.map(\.1).reduce(0, +)
            return DoseFacts(
                dataSet: try SyntheticDose.read(
                    SyntheticDose.report(
                        sopInstance: uid,
                        content: [
                            SyntheticDose.container("113811", [SyntheticDose.num("113813", total, unit: "mGy.cm")])
                        ]
                            + acquisitions)))
        }
        var study = StudyDose(studyInstanceUID: "1.2.3")
        study.add(try report("1.2.3.1", [("1.2.3.1.1", 100), ("1.2.3.1.2", 200)]), path: "a.dcm")
        study.add(try report("1.2.3.2", [("1.2.3.1.2", 200), ("1.2.3.2.1", 50)]), path: "continued.dcm")
        #expect(study.ct?.dlpTotal == DoseQuantity(value: 350, unit: "mGy.cm"))
        #expect(study.ct?.events.map(\.irradiationEventUID) == ["1.2.3.1.1", "1.2.3.1.2", "1.2.3.2.1"])
    }

    @Test("Projection events repeated in a second report count once")
    func repeatedProjectionEvents() throws {
        let report = { (uid: String, events: [String]) throws -> DoseFacts in
            let content = events.map { eventUID in
                SyntheticDose.container(
                    "113706",
                    [
                        SyntheticDose.uidReference("113769", eventUID),
                        SyntheticDose.num("122130", 0.25, unit: "Gy.m2"), SyntheticDose.num("113738", 2, unit: "mGy"),
                    ])
            }
            return DoseFacts(dataSet: try SyntheticDose.read(SyntheticDose.report(sopInstance: uid, content: content)))
        }
        var study = StudyDose(studyInstanceUID: "1.2.3")
        study.add(try report("1.2.3.1", ["1.2.3.1.1", "1.2.3.1.2"]), path: "a.dcm")
        study.add(try report("1.2.3.2", ["1.2.3.1.2", "1.2.3.2.1"]), path: "b.dcm")
        #expect(study.projection?.events.count == 3)
        #expect(study.projection?.dapTotal == DoseQuantity(value: 0.75, unit: "Gy.m2"))
        #expect(study.projection?.doseRPTotal == DoseQuantity(value: 6, unit: "mGy"))
    }
}
