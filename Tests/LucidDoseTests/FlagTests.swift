import LucidDose
import Testing

@Suite struct FlagTests {
    @Test("A flag's JSON object: kind, severity, message, then its details; details never replace the three")
    func jsonObject() {
        let flag = Flag(
            kind: "drl", severity: .alert, message: "DLP 812 mGy.cm above 600 mGy.cm",
            details: [
                "value": .quantity(DoseQuantity(value: 812, unit: "mGy.cm", documentUnit: "mGycm")),
                "source": .text("FANC 2021"), "kind": .text("other"),
            ])
        let object = flag.jsonObject
        #expect(object["kind"] as? String == "drl" && object["severity"] as? String == "alert")
        #expect(object["message"] as? String == "DLP 812 mGy.cm above 600 mGy.cm")
        #expect((object["value"] as? [String: Any])?["unit"] as? String == "mGy.cm")
        #expect((object["value"] as? [String: Any])?["value"] as? Double == 812)
        #expect(object["source"] as? String == "FANC 2021")
        #expect(Flag.Severity.warning < .alert)
    }
}
