import Foundation

/// Text helpers for derived images: byte-bounded truncation and DA/TM formatting (PS3.5 §6.2).
enum DerivedText {
    /// `text` cut to at most `limit` UTF-8 bytes at a character boundary, trailing spaces removed.
    static func truncated(_ text: String, toBytes limit: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            if used + size > limit { break }
            result.append(character)
            used += size
        }
        while result.last == " " { result.removeLast() }
        return result
    }

    /// DA `YYYYMMDD` and TM `HHMMSS` of `date` in `timeZone`.
    static func dateAndTime(_ date: Date, timeZone: TimeZone) -> (String, String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let number = value ?? 0
            return number < 10 ? "0\(number)" : String(number)
        }
        let year = String(parts.year ?? 1970)
        let date = String(repeating: "0", count: max(0, 4 - year.count)) + year + two(parts.month) + two(parts.day)
        return (date, two(parts.hour) + two(parts.minute) + two(parts.second))
    }
}
