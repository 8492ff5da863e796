/// The header values that place an image in the archive, cut from a fuzz input, and the DICOM
/// file that carries them.
///
/// The input is split at 0xFF bytes (a byte no UTF-8 text contains) into, in order: Specific
/// Character Set, Patient ID, Patient's Name, Study Instance UID, Study Date, Series Instance UID,
/// Series Number, Modality, SOP Instance UID and the recipe. Missing fields are absent from the
/// data set; each value is cut to 1024 bytes.
struct FuzzedHeader {
    static let separator: UInt8 = 0xFF
    static let maximumValueBytes = 1024

    /// (group, element, VR) of each header field, in the input's order; ascending tag order is
    /// restored when the data set is written.
    static let fields: [(UInt16, UInt16, String)] = [
        (0x0008, 0x0005, "CS"), (0x0010, 0x0020, "LO"), (0x0010, 0x0010, "PN"), (0x0020, 0x000D, "UI"),
        (0x0008, 0x0020, "DA"), (0x0020, 0x000E, "UI"), (0x0020, 0x0011, "IS"), (0x0008, 0x0060, "CS"),
        (0x0008, 0x0018, "UI"),
    ]

    /// The raw value of each header field present, by its index in `fields`.
    let values: [[UInt8]]
    /// The recipe, as text.
    let recipe: String

    init(_ bytes: [UInt8]) {
        let parts = bytes.split(separator: Self.separator, omittingEmptySubsequences: false).map {
            Array($0.prefix(Self.maximumValueBytes))
        }
        values = Array(parts.prefix(Self.fields.count))
        recipe = parts.count > Self.fields.count ? String(decoding: parts[Self.fields.count], as: UTF8.self) : ""
    }

    /// A Part 10 file, Explicit VR Little Endian, holding the values present (PS3.5 §7.1.2,
    /// PS3.10 §7.1), each padded to even length as its VR requires.
    var part10: [UInt8] {
        var meta: [UInt8] = []
        Self.append(&meta, group: 0x0002, element: 0x0010, vr: "UI", value: Array("1.2.840.10008.1.2.1".utf8))
        var file = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
        Self.append(&file, group: 0x0002, element: 0x0000, vr: "UL", value: Self.littleEndian(UInt32(meta.count)))
        file += meta
        let present = zip(Self.fields, values).sorted { ($0.0.0, $0.0.1) < ($1.0.0, $1.0.1) }
        for ((group, element, vr), value) in present {
            Self.append(&file, group: group, element: element, vr: vr, value: value)
        }
        return file
    }

    private static func append(_ bytes: inout [UInt8], group: UInt16, element: UInt16, vr: String, value: [UInt8]) {
        var padded = value
        if padded.count % 2 == 1 { padded.append(vr == "UI" ? 0 : 0x20) }
        bytes += littleEndian(group) + littleEndian(element) + Array(vr.utf8)
        bytes += littleEndian(UInt16(padded.count)) + padded
    }

    private static func littleEndian<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        (0..<(Value.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}
