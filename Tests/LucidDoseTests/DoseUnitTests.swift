import LucidDose
import Testing

/// UCUM dose units as vendors write them, normalised, and converted by exact powers of ten.
@Suite struct DoseUnitTests {
    @Test(
        "Vendors' spellings normalise to UCUM",
        arguments: [
            ("mGycm", "mGy.cm"), ("mGy.cm", "mGy.cm"), ("mGy*cm", "mGy.cm"), ("Gy.m2", "Gy.m2"),
            ("dGy.cm2", "dGy.cm2"), ("Gy.cm^2", "Gy.cm2"), ("dGy·cm²", "dGy.cm2"), ("uGy.m2", "uGy.m2"),
            ("µGy.m2", "uGy.m2"), ("mGy", "mGy"), ("Gy", "Gy"), ("s", "s"), ("{events}", "{events}"),
        ])
    func normalised(_ written: String, _ expected: String) {
        #expect(DoseUnit.normalised(written) == expected)
    }

    @Test("Conversions between DAP units are exact powers of ten, each rounded once")
    func dapConversions() throws {
        let header = DoseQuantity(value: 135.18, unit: "dGy.cm2")
        #expect(try #require(header.converted(to: "Gy.m2")).value == 135.18 / 100_000)
        #expect(try #require(header.converted(to: "mGy.cm2")).value == 13_518)
        #expect(try #require(header.converted(to: "Gy.cm2")).value == 13.518)
        #expect(try #require(DoseQuantity(value: 1, unit: "Gy.m2").converted(to: "mGy.cm2")).value == 10_000_000)
        #expect(try #require(DoseQuantity(value: 1300, unit: "mGy.cm2").converted(to: "dGy.cm2")).value == 13)
        #expect(try #require(DoseQuantity(value: 1300, unit: "mGy.cm2").converted(to: "Gy.m2")).value == 0.00013)
        #expect(try #require(DoseQuantity(value: 1, unit: "Gy.cm2").converted(to: "Gy.m2")).value == 0.0001)
    }

    @Test("DLP and dose conversions; different kinds do not convert")
    func otherConversions() throws {
        #expect(try #require(DoseQuantity(value: 0.5, unit: "Gy.cm").converted(to: "mGy.cm")).value == 500)
        #expect(try #require(DoseQuantity(value: 30.573, unit: "mGy").converted(to: "Gy")).value == 0.030573)
        #expect(try #require(DoseQuantity(value: 2, unit: "dGy").converted(to: "mGy")).value == 200)
        #expect(DoseQuantity(value: 1, unit: "mGy.cm").converted(to: "mGy") == nil)
        #expect(DoseQuantity(value: 1, unit: "Gy.m2").converted(to: "mGy.cm") == nil)
        #expect(DoseQuantity(value: 1, unit: "s").converted(to: "mGy") == nil)
    }
}
