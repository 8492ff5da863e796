import LucidDICOM
import Testing

@testable import LucidDeidentify

@Suite struct PseudonymizerTests {
    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test func hmacMatchesRFC4231TestCase2() {
        let mac = Pseudonymizer(key: Array("Jefe".utf8)).hmac(Array("what do ya want for nothing?".utf8))
        #expect(hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func uidsAreKeyedRepeatableAndValid() {
        let a = Pseudonymizer(key: DeidentifyFixtures.key), b = Pseudonymizer(key: DeidentifyFixtures.otherKey)
        let original = "1.2.840.113619.2.55.3.604688119.969.1268071029.320"
        let uid = a.uid(for: original)
        #expect(uid == a.uid(for: original))
        #expect(uid != b.uid(for: original))
        #expect(uid != a.uid(for: original + "1"))
        #expect(uid.hasPrefix("2.25.") && DICOMUID.isValid(uid) && uid.utf8.count <= 64)
        // Computed apart from Lucid (Python's hmac): HMAC-SHA-256(key, "uid\0" + original), first 16
        // bytes with the version and variant bits set, as one integer.
        #expect(uid == "2.25.142619894485420745774152557828534729248")
        // The integer is a version 8 UUID (RFC 9562 §5.8): version nibble 8, variant bits 10.
        let value = uid.dropFirst(5).reduce(into: [UInt8](repeating: 0, count: 16)) { bytes, digit in
            var carry = Int(digit.asciiValue ?? 48) - 48
            for index in stride(from: 15, through: 0, by: -1) {
                let product = Int(bytes[index]) * 10 + carry
                bytes[index] = UInt8(product & 0xFF)
                carry = product >> 8
            }
        }
        #expect(value[6] >> 4 == 8)
        #expect(value[8] >> 6 == 2)
    }

    @Test func patientPseudonymsShareOneSuffix() {
        let pseudonymizer = Pseudonymizer(key: DeidentifyFixtures.key)
        let id = pseudonymizer.patientID(for: "PID12345")
        #expect(id.hasPrefix("ANON-") && id.utf8.count == 21)
        #expect(pseudonymizer.patientName(forPatientID: "PID12345") == "ANON^" + id.dropFirst(5))
        #expect(id != pseudonymizer.patientID(for: "PID12346"))
        #expect(Pseudonymizer.base32(Array("fooba".utf8)) == "MZXW6YTB")
    }

    @Test func dayOffsetsAreWholeDaysIntoThePast() {
        let pseudonymizer = Pseudonymizer(key: DeidentifyFixtures.key)
        for id in ["", "PID12345", "A", "ANOTHER"] {
            #expect((-3650)...(-1) ~= pseudonymizer.dayOffset(forPatientID: id))
            #expect(pseudonymizer.dayOffset(forPatientID: id) == pseudonymizer.dayOffset(forPatientID: id))
        }
    }

    @Test func datesShiftByWholeDays() {
        #expect(DateShift.daysFromCivil(year: 1970, month: 1, day: 1) == 0)
        #expect(DateShift.shiftDate("20240301", days: -1) == "20240229")
        #expect(DateShift.shiftDate("20000101", days: -1) == "19991231")
        #expect(DateShift.shiftDate("20230301", days: -365) == "20220301")
        #expect(DateShift.shiftDateTime("20240301120000.5+0100", days: -1) == "20240229120000.5+0100")
        #expect(DateShift.shiftDate("2024", days: -1) == nil)
        #expect(DateShift.shiftDate("20241301", days: -1) == nil)
        #expect(DateShift.shiftDate("20240230", days: -1) == nil)
        #expect(DateShift.shiftDateTime("2024", days: -1) == nil)
    }
}
