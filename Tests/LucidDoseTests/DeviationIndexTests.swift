import LucidDICOM
import LucidDose
import LucidTestSupport
import Testing

/// The Deviation Index: AAPM TG-116 bands at and around every edge, flags, and DI recomputed from
/// EI and EI_T (IEC 62494-1) or checked against them.
@Suite struct DeviationIndexTests {
    @Test(
        "AAPM TG-116 bands, edges included",
        arguments: [
            (3.01, DeviationIndexBand.excessive), (3.0, .overexposed), (1.01, .overexposed), (1.0, .acceptable),
            (0.51, .acceptable), (0.5, .target), (0, .target), (-0.5, .target), (-0.51, .acceptable),
            (-1.0, .acceptable), (-1.01, .underexposed), (-3.0, .underexposed), (-3.01, .excessiveUnder),
            (-4.2, .excessiveUnder),
        ])
    func band(_ deviationIndex: Double, _ expected: DeviationIndexBand) {
        #expect(DeviationIndexBand(deviationIndex: deviationIndex) == expected)
    }

    @Test("Flags: none inside -1..+1, a warning outside, an alert outside -3..+3")
    func severities() {
        let expected: [(Double, Flag.Severity?)] = [
            (0.9, nil), (-1.0, nil), (1.2, .warning), (-2.9, .warning), (3.5, .alert), (-4.2, .alert),
        ]
        for (deviationIndex, severity) in expected {
            let exposure = ExposureIndication(
                exposureIndex: nil, targetExposureIndex: nil, deviationIndex: deviationIndex)
            let flags = exposure?.flags.filter { $0.kind == "deviation-index" } ?? []
            #expect(flags.map(\.severity) == (severity.map { [$0] } ?? []), "DI \(deviationIndex)")
        }
    }

    @Test("DI missing: computed as 10 log10(EI/EI_T)")
    func computed() throws {
        let exposure = try #require(
            ExposureIndication(exposureIndex: 400, targetExposureIndex: 200, deviationIndex: nil))
        #expect(exposure.isDeviationIndexComputed)
        #expect(abs((exposure.deviationIndex ?? 0) - 3.010_299_956_639_812) < 1e-12)
        #expect(exposure.band == .excessive)
        #expect(exposure.flags.map(\.kind) == ["deviation-index"])
        #expect(exposure.flags.first?.severity == .alert)
    }

    @Test("DI written: checked against EI and EI_T, a disagreement above 0.1 is said")
    func checked() throws {
        let agreeing = try #require(
            ExposureIndication(exposureIndex: 500, targetExposureIndex: 400, deviationIndex: 1.0))
        #expect(!agreeing.deviationIndexDisagrees && agreeing.flags.isEmpty)
        let disagreeing = try #require(
            ExposureIndication(exposureIndex: 400, targetExposureIndex: 400, deviationIndex: 1.5))
        #expect(disagreeing.deviationIndexDisagrees && disagreeing.deviationIndex == 1.5)
        #expect(disagreeing.flags.map(\.kind) == ["deviation-index", "deviation-index-mismatch"])
    }

    @Test("A header with DI -4.2 is an alert; EI and EI_T alone give the computed DI")
    func header() throws {
        let under = DoseFacts(
            dataSet: try SyntheticDose.read(
                SyntheticDose.image(
                    modality: "DX",
                    attributes: [
                        (DICOMTag(0x0018, 0x1411), .DS, "95"), (DICOMTag(0x0018, 0x1412), .DS, "250"),
                        (DICOMTag(0x0018, 0x1413), .DS, "-4.2"),
                    ])))
        #expect(under.kind == .header && under.exposure?.band == .excessiveUnder)
        let flags = under.flags(referenceLevels: DRLTable(levels: []))
        #expect(flags.map(\.kind) == ["deviation-index"] && flags.first?.severity == .alert)
        let computed = DoseFacts(
            dataSet: try SyntheticDose.read(
                SyntheticDose.image(
                    modality: "DX",
                    attributes: [(DICOMTag(0x0018, 0x1411), .DS, "250"), (DICOMTag(0x0018, 0x1412), .DS, "250")])))
        #expect(computed.exposure?.deviationIndex == 0 && computed.exposure?.isDeviationIndexComputed == true)
        #expect(computed.flags(referenceLevels: .builtIn).isEmpty)
    }

    @Test("A projection report's event indices: flagged with the event's number; exposure is the furthest event")
    func reportEvents() throws {
        let event = { (index: Double, target: Double, deviation: Double) in
            SyntheticDose.container(
                "113706",
                [
                    SyntheticDose.num("122130", 0.00012, unit: "Gy.m2"),
                    SyntheticDose.num("113845", index, unit: "1"), SyntheticDose.num("113846", target, unit: "1"),
                    SyntheticDose.num("113847", deviation, unit: "1"),
                ])
        }
        let facts = DoseFacts(
            dataSet: try SyntheticDose.read(
                SyntheticDose.report(content: [event(300, 300, 0), event(95, 250, -4.2), event(400, 250, 2.04)])))
        #expect(facts.exposure?.deviationIndex == -4.2 && facts.exposure?.band == .excessiveUnder)
        let flags = facts.flags(referenceLevels: DRLTable(levels: []))
        #expect(flags.map(\.severity) == [.alert, .warning])
        #expect(flags.map { $0.details["event"] } == [.number(2), .number(3)])
        #expect(
            flags.first?.message
                == "Irradiation event 2: Deviation Index -4.2: excessive underexposure; repeat (AAPM TG-116)")
        #expect(facts.projection?.events.map(\.dap?.value) == [0.00012, 0.00012, 0.00012])
    }
}
