import LucidDICOM
import LucidDose
import LucidTestSupport
import Testing

/// NEMA XR 25 Dose Check details in a CT report (TID 10015): a flag when a configured value is
/// exceeded, none when the estimate stays below or no value is configured.
@Suite struct DoseCheckTests {
    static func report(_ checks: [WritableDataSet]) throws -> DoseFacts {
        let acquisition = SyntheticDose.container(
            "113819",
            [
                SyntheticDose.container(
                    "113829",
                    [SyntheticDose.num("113830", 30, unit: "mGy"), SyntheticDose.num("113838", 900, unit: "mGy.cm")]
                        + checks)
            ])
        return DoseFacts(dataSet: try SyntheticDose.read(SyntheticDose.report(content: [acquisition])))
    }

    @Test("An alert above its configured DLP, with the reason for proceeding: an alert flag")
    func alert() throws {
        let facts = try Self.report([
            SyntheticDose.container(
                "113900",
                [
                    SyntheticDose.codeItem("113901", "373066001", "Yes"),
                    SyntheticDose.num("113903", 1000, unit: "mGy.cm"),
                    SyntheticDose.num("113905", 1200, unit: "mGycm"),
                    SyntheticDose.text("113907", "Obese patient"),
                ]),
            SyntheticDose.container(
                "113908",
                [SyntheticDose.num("113912", 40, unit: "mGy"), SyntheticDose.num("113914", 30, unit: "mGy")]),
        ])
        #expect(facts.doseChecks.count == 1)
        let flag = try #require(facts.flags(referenceLevels: DRLTable(levels: [])).first)
        #expect(flag.kind == "dose-check" && flag.severity == .alert)
        #expect(flag.details["reason"] == .text("Obese patient") && flag.details["quantity"] == .text("DLP"))
        #expect(flag.details["limit"] == .quantity(DoseQuantity(value: 1000, unit: "mGy.cm", documentUnit: "mGy.cm")))
        #expect(
            flag.message
                == "Scanner Dose Check alert: DLP forward estimate 1200 mGy.cm above the configured 1000 mGy.cm; "
                + "reason for proceeding: Obese patient")
    }

    @Test("A notification above its CTDIvol value is a warning; estimates without a configured value are not")
    func notification() throws {
        let facts = try Self.report([
            SyntheticDose.container(
                "113908",
                [SyntheticDose.num("113912", 25, unit: "mGy"), SyntheticDose.num("113914", 30, unit: "mGy")]),
            SyntheticDose.container(
                "113900",
                [
                    SyntheticDose.codeItem("113901", "373067005", "No"),
                    SyntheticDose.num("113905", 1200, unit: "mGy.cm"),
                ]),
        ])
        let flags = facts.flags(referenceLevels: DRLTable(levels: []))
        #expect(flags.map(\.kind) == ["dose-check"] && flags.first?.severity == .warning)
        #expect(flags.first?.details["quantity"] == .text("CTDIvol"))
    }
}
