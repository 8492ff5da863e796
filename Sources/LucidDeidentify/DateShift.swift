/// Whole-day shifts of DA and DT values (PS3.5 §6.2), for the Retain Longitudinal Temporal
/// Information with Modified Dates Option (PS3.15 E.3.6): every date of a patient moves by the same
/// number of days, so intervals between them are kept; times of day are unchanged.
enum DateShift {
    /// `YYYYMMDD` moved by `days`; nil when the value is not such a date (a range or a partial
    /// date included), or the result falls outside years 1...9999.
    static func shiftDate(_ value: String, days: Int) -> String? {
        let digits = Array(value.utf8)
        guard digits.count == 8, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let number = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let year = number / 10000, month = number / 100 % 100, day = number % 100
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        let (newYear, newMonth, newDay) = civil(fromDays: daysFromCivil(year: year, month: month, day: day) + days)
        guard (1...9999).contains(newYear) else { return nil }
        return pad(newYear, 4) + pad(newMonth, 2) + pad(newDay, 2)
    }

    /// A DT value whose first 8 characters are a full date, with that date moved by `days` and the
    /// rest (time, fraction, UTC offset) kept; nil otherwise.
    static func shiftDateTime(_ value: String, days: Int) -> String? {
        guard value.utf8.count >= 8, let date = shiftDate(String(value.prefix(8)), days: days) else { return nil }
        return date + value.dropFirst(8)
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The civil date of a day count from 1970-01-01 (H. Hinnant's civil_from_days).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
