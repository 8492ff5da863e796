/// Hand-built DICOM encodings for parser tests (PS3.5 §7.1): elements, items and delimiters in
/// Explicit or Implicit VR Little Endian, or Explicit VR Big Endian.
public struct DataSetBytes {
    public var bytes: [UInt8] = []
    public let explicitVR: Bool
    public let bigEndian: Bool

    public init(explicitVR: Bool = true, bigEndian: Bool = false) {
        self.explicitVR = explicitVR
        self.bigEndian = bigEndian
    }

    public static let undefined: UInt32 = 0xFFFF_FFFF

    public mutating func u16(_ value: UInt16) {
        let pair = [UInt8(value & 0xFF), UInt8(value >> 8)]
        bytes += bigEndian ? pair.reversed() : pair
    }

    public mutating func u32(_ value: UInt32) {
        if bigEndian {
            u16(UInt16(value >> 16))
            u16(UInt16(value & 0xFFFF))
        } else {
            u16(UInt16(value & 0xFFFF))
            u16(UInt16(value >> 16))
        }
    }

    /// An element header; `length` nil means the value's own length.
    public mutating func element(
        _ group: UInt16, _ element: UInt16, _ vr: String, _ value: [UInt8], length: UInt32? = nil
    ) {
        u16(group)
        u16(element)
        let declared = length ?? UInt32(value.count)
        if explicitVR {
            bytes += Array(vr.utf8)
            if ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT", "SV", "UV"].contains(vr) {
                bytes += [0, 0]
                u32(declared)
            } else {
                u16(UInt16(truncatingIfNeeded: declared))
            }
        } else {
            u32(declared)
        }
        bytes += value
    }

    public mutating func text(_ group: UInt16, _ element: UInt16, _ vr: String, _ value: String) {
        var encoded = Array(value.utf8)
        if encoded.count % 2 == 1 { encoded.append(vr == "UI" ? 0 : 0x20) }
        self.element(group, element, vr, encoded)
    }

    public mutating func us(_ group: UInt16, _ element: UInt16, _ values: UInt16...) {
        var value = DataSetBytes(explicitVR: explicitVR, bigEndian: bigEndian)
        for v in values { value.u16(v) }
        self.element(group, element, "US", value.bytes)
    }

    /// An item or delimiter tag with its 32-bit length (items and delimiters carry no VR).
    public mutating func marker(_ element: UInt16, length: UInt32) {
        u16(0xFFFE)
        u16(element)
        u32(length)
    }

    public mutating func itemStart(length: UInt32 = undefined) { marker(0xE000, length: length) }
    public mutating func itemEnd() { marker(0xE00D, length: 0) }
    public mutating func sequenceEnd() { marker(0xE0DD, length: 0) }

    /// The bytes of a Part 10 file: preamble, DICM, File Meta with this transfer syntax, then `body`.
    public static func part10(transferSyntax: String, body: [UInt8]) -> [UInt8] {
        var meta = DataSetBytes()
        meta.text(0x0002, 0x0010, "UI", transferSyntax)
        var group = DataSetBytes()
        group.element(0x0002, 0x0000, "UL", [UInt8(meta.bytes.count & 0xFF), UInt8(meta.bytes.count >> 8), 0, 0])
        return [UInt8](repeating: 0, count: 128) + Array("DICM".utf8) + group.bytes + meta.bytes + body
    }
}
