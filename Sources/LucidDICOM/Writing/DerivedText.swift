import Foundation

/// Text helpers for derived images: byte-bounded truncation, DA/TM validation and formatting
/// (PS3.5 §6.2).
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

    /// `text` when it fits in `limit` UTF-8 bytes; otherwise cut after the last separator (space,
    /// `,` or `;`) that leaves room for `marker`, so that no word or step is cut in two, and
    /// `marker` appended. A text without such a separator is cut at a character boundary.
    static func truncatedAtBoundary(_ text: String, toBytes limit: Int, marker: String = "...") -> String {
        guard text.utf8.count > limit else { return text }
        let room = max(0, limit - marker.utf8.count)
        let head = truncated(text, toBytes: room)
        let separators: Set<Character> = [" ", ",", ";"]
        var kept = head
        if let cut = head.lastIndex(where: { separators.contains($0) }), cut > head.startIndex {
            kept = String(head[..<cut])
        }
        while let last = kept.last, separators.contains(last) { kept.removeLast() }
        return kept + marker
    }

    /// A DA value as a derived image may carry it: `YYYYMMDD` with a month 01...12, a day valid for
    /// that month and a year 1000...9999 (PS3.5 §6.2 DA). The ACR-NEMA form `YYYY.MM.DD` is brought
    /// to `YYYYMMDD`; padding is trimmed; an empty value stays empty. Nil for anything else, which
    /// is then not carried over, rather than turned into another invalid date.
    static func validDate(_ raw: [UInt8]) -> [UInt8]? {
        var bytes = trimmed(raw)
        if bytes.isEmpty { return [] }
        if bytes.count == 10, bytes[4] == 0x2E, bytes[7] == 0x2E {
            bytes = Array(bytes[0..<4] + bytes[5..<7] + bytes[8..<10])
        }
        guard bytes.count == 8, let digits = number(bytes[0..<8]) else { return nil }
        let year = digits / 10000, month = digits / 100 % 100, day = digits % 100
        guard (1000...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1] ? bytes : nil
    }

    /// A TM value as a derived image may carry it: `HH`, `HHMM`, `HHMMSS` or `HHMMSS.F` with one to
    /// six fraction digits, hours 00...23, minutes 00...59, seconds 00...60 (PS3.5 §6.2 TM). The
    /// ACR-NEMA form `HH:MM:SS` is brought to `HHMMSS`; padding is trimmed. Nil for anything else.
    static func validTime(_ raw: [UInt8]) -> [UInt8]? {
        var bytes = trimmed(raw)
        if bytes.isEmpty { return [] }
        if bytes.count >= 8, bytes[2] == 0x3A, bytes[5] == 0x3A {
            bytes = Array(bytes[0..<2] + bytes[3..<5] + bytes[6...])
        }
        var whole = bytes[...]
        if let dot = bytes.firstIndex(of: 0x2E) {
            let fraction = bytes[(dot + 1)...]
            guard dot == 6, (1...6).contains(fraction.count), number(fraction) != nil else { return nil }
            whole = bytes[..<dot]
        }
        guard [2, 4, 6].contains(whole.count) else { return nil }
        let limits = [23, 59, 60]
        for (index, start) in stride(from: whole.startIndex, to: whole.endIndex, by: 2).enumerated() {
            guard let part = number(whole[start..<(start + 2)]), part <= limits[index] else { return nil }
        }
        return bytes
    }

    private static func trimmed(_ raw: [UInt8]) -> [UInt8] {
        var slice = raw[...]
        while let first = slice.first, first == 0x20 || first == 0 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0 { slice = slice.dropLast() }
        return Array(slice)
    }

    /// The decimal value of ASCII digits; nil when any byte is not a digit or there are none.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value = 0
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
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
