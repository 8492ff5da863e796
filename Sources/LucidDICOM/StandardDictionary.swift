/// The full data dictionary of PS3.6 (`registry`), for showing a data set (`lucid dump`): every
/// standard attribute's keyword and VR, repeating groups included. Parsing keeps to the smaller
/// `DICOMDictionary`; this one only names elements and decodes Implicit VR values for display.
public enum StandardDictionary {
    public struct Entry: Sendable, Equatable {
        public let vr: ValueRepresentation
        public let keyword: String
    }

    /// The entry for `tag`: PS3.6's; else a group length (gggg,0000) is `UL`, a Private Creator
    /// (odd group, element 0010...00FF) is `LO`, and other private tags have none.
    public static func entry(for tag: DICOMTag) -> Entry? {
        if let entry = table.exact[tag.combined] { return entry }
        if tag.element == 0x0000 { return Entry(vr: .UL, keyword: "GroupLength") }
        if tag.isPrivate {
            return (0x0010...0x00FF).contains(tag.element) ? Entry(vr: .LO, keyword: "PrivateCreator") : nil
        }
        return table.repeating.first { tag.combined & $0.mask == $0.value }?.entry
    }

    /// Attributes PS3.6 gives as "US or SS" that hold pixel values, so SS when Pixel Representation
    /// is 1: Smallest/Largest Image, Series and Pixel Padding values, Zero Velocity, Mapped, Real
    /// World Value First/Last Mapped, Histogram First/Last Bin. (The LUT Descriptors are left US:
    /// their first value, an entry count, is never negative.)
    public static let signedWithPixelRepresentation: Set<UInt32> = [
        0x0018_9810, 0x0022_1452, 0x0028_0104, 0x0028_0105, 0x0028_0106, 0x0028_0107, 0x0028_0108, 0x0028_0109,
        0x0028_0110, 0x0028_0111, 0x0028_0120, 0x0028_0121, 0x0040_9211, 0x0040_9216, 0x0060_3004, 0x0060_3006,
    ]

    private struct RepeatingEntry: Sendable {
        let mask: UInt32
        let value: UInt32
        let entry: Entry
    }

    private struct Table: Sendable {
        var exact: [UInt32: Entry] = [:]
        var repeating: [RepeatingEntry] = []
    }

    private static let table: Table = {
        var table = Table()
        for line in registry.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 3, fields[0].count == 8,
                let vr = ValueRepresentation(rawValue: String(fields[1]))
            else { continue }
            let entry = Entry(vr: vr, keyword: String(fields[2]))
            let digits = String(fields[0])
            let mask = UInt32(String(digits.map { $0 == "x" ? Character("0") : Character("F") }), radix: 16)
            guard let mask, let value = UInt32(String(digits.map { $0 == "x" ? "0" : $0 }), radix: 16)
            else { continue }
            if mask == 0xFFFF_FFFF {
                table.exact[value] = entry
            } else {
                table.repeating.append(RepeatingEntry(mask: mask, value: value, entry: entry))
            }
        }
        return table
    }()
}
