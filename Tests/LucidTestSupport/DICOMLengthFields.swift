import Foundation

/// Finds every length field of a DICOM file by walking its bytes (PS3.5 §7.1, §7.5, A.4),
/// independently of Lucid's reader: the File Meta group, then the data set in its transfer
/// syntax, into sequences, items and encapsulated Pixel Data. Used to mutate lengths in tests.
public struct DICOMLengthField: Sendable, Equatable {
    /// Byte offset of the length field.
    public let offset: Int
    /// 2 (explicit VR short form) or 4 bytes.
    public let width: Int
    public let bigEndian: Bool
    /// Offset of the first value byte after the header.
    public let valueOffset: Int
}

public enum DICOMLengthFields {
    static let longVRs: Set<String> = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT", "SV", "UV"]

    /// Every length field found, in file order, and the offset of the top-level Pixel Data
    /// value (nil when there is none or the data set is deflated).
    public static func find(in bytes: [UInt8]) -> (fields: [DICOMLengthField], pixelDataValue: Int?) {
        var walker = Walker(bytes: bytes)
        walker.walkFile()
        return (walker.fields.sorted { $0.offset < $1.offset }, walker.pixelDataValue)
    }

    struct Walker {
        let bytes: [UInt8]
        var fields: [DICOMLengthField] = []
        var pixelDataValue: Int?

        init(bytes: [UInt8]) { self.bytes = bytes }

        func u16(_ at: Int, _ bigEndian: Bool) -> Int {
            let a = Int(bytes[at]), b = Int(bytes[at + 1])
            return bigEndian ? a << 8 | b : b << 8 | a
        }

        func u32(_ at: Int, _ bigEndian: Bool) -> Int {
            let high = u16(at, bigEndian), low = u16(at + 2, bigEndian)
            return bigEndian ? high << 16 | low : low << 16 | high
        }

        func vr(at offset: Int) -> String? {
            let pair = bytes[offset..<(offset + 2)]
            guard pair.allSatisfy({ (0x41...0x5A).contains($0) }) else { return nil }
            return String(decoding: pair, as: UTF8.self)
        }

        mutating func walkFile() {
            var position = 0
            if bytes.count >= 132, Array(bytes[128..<132]) == Array("DICM".utf8) {
                position = 132
            } else if bytes.count >= 4, Array(bytes[0..<4]) == Array("DICM".utf8) {
                position = 4
            }
            var syntax: String?
            while bytes.count - position >= 8, u16(position, false) == 0x0002, let vr = vr(at: position + 4) {
                let long = Self.isLong(vr)
                guard !long || bytes.count - position >= 12 else { return }
                let valueOffset = position + (long ? 12 : 8)
                let length = long ? u32(position + 8, false) : u16(position + 6, false)
                fields.append(
                    .init(
                        offset: position + (long ? 8 : 6), width: long ? 4 : 2, bigEndian: false,
                        valueOffset: valueOffset))
                guard valueOffset + length <= bytes.count else { return }
                if u16(position + 2, false) == 0x0010 {
                    syntax = String(decoding: bytes[valueOffset..<(valueOffset + length)], as: UTF8.self)
                        .trimmingCharacters(in: [" ", "\0"])
                }
                position = valueOffset + length
            }
            if syntax == "1.2.840.10008.1.2.1.99" { return }
            let explicit: Bool
            if let syntax {
                explicit = syntax != "1.2.840.10008.1.2"
            } else {
                explicit = bytes.count - position >= 8 && vr(at: position + 4) != nil
            }
            _ = walkDataSet(
                from: position, to: bytes.count, explicit: explicit, bigEndian: syntax == "1.2.840.10008.1.2.2",
                untilItemEnd: false, depth: 0)
        }

        static func isLong(_ vr: String) -> Bool { longVRs.contains(vr) }

        /// Walks elements; returns the offset after what was read, or nil when the bytes stop making sense.
        mutating func walkDataSet(
            from start: Int, to end: Int, explicit: Bool, bigEndian: Bool, untilItemEnd: Bool, depth: Int
        ) -> Int? {
            guard depth < 64 else { return nil }
            var position = start
            while end - position >= 8 {
                let group = u16(position, bigEndian), element = u16(position + 2, bigEndian)
                if group == 0xFFFE {
                    fields.append(
                        .init(offset: position + 4, width: 4, bigEndian: bigEndian, valueOffset: position + 8))
                    if element == 0xE00D && untilItemEnd { return position + 8 }
                    position += 8
                    continue
                }
                var valueOffset = position + 8
                var width = 4
                var fieldOffset = position + 4
                var elementVR: String?
                if explicit, let vr = vr(at: position + 4) {
                    elementVR = vr
                    if Self.isLong(vr) {
                        guard end - position >= 12 else { return nil }
                        fieldOffset = position + 8
                        valueOffset = position + 12
                    } else {
                        fieldOffset = position + 6
                        width = 2
                    }
                }
                fields.append(.init(offset: fieldOffset, width: width, bigEndian: bigEndian, valueOffset: valueOffset))
                let length = width == 2 ? u16(fieldOffset, bigEndian) : u32(fieldOffset, bigEndian)
                let isPixelData = group == 0x7FE0 && element == 0x0010
                if isPixelData && depth == 0 { pixelDataValue = valueOffset }
                let itemsExplicit = explicit && elementVR != "UN"
                let itemsBigEndian = elementVR == "UN" ? false : bigEndian
                if length == 0xFFFF_FFFF {
                    guard
                        let next = walkItems(
                            from: valueOffset, to: end, definedLength: false, fragments: isPixelData,
                            explicit: itemsExplicit, bigEndian: itemsBigEndian, depth: depth + 1)
                    else { return nil }
                    position = next
                    continue
                }
                guard length <= end - valueOffset else { return nil }
                let startsWithItem =
                    length >= 8 && u16(valueOffset, bigEndian) == 0xFFFE && u16(valueOffset + 2, bigEndian) == 0xE000
                if elementVR == "SQ" || (elementVR == nil || elementVR == "UN") && startsWithItem {
                    _ = walkItems(
                        from: valueOffset, to: valueOffset + length, definedLength: true, fragments: false,
                        explicit: itemsExplicit, bigEndian: itemsBigEndian, depth: depth + 1)
                }
                position = valueOffset + length
            }
            return untilItemEnd ? nil : position
        }

        /// Walks the items of a sequence or the fragments of encapsulated Pixel Data.
        mutating func walkItems(
            from start: Int, to end: Int, definedLength: Bool, fragments: Bool, explicit: Bool, bigEndian: Bool,
            depth: Int
        ) -> Int? {
            var position = start
            while end - position >= 8 {
                let group = u16(position, bigEndian), element = u16(position + 2, bigEndian)
                guard group == 0xFFFE else { return nil }
                fields.append(.init(offset: position + 4, width: 4, bigEndian: bigEndian, valueOffset: position + 8))
                if element == 0xE0DD { return position + 8 }
                guard element == 0xE000 else { return nil }
                let length = u32(position + 4, bigEndian)
                if length == 0xFFFF_FFFF {
                    guard
                        let next = walkDataSet(
                            from: position + 8, to: end, explicit: explicit, bigEndian: bigEndian, untilItemEnd: true,
                            depth: depth)
                    else { return nil }
                    position = next
                    continue
                }
                guard length <= end - position - 8 else { return nil }
                if !fragments {
                    _ = walkDataSet(
                        from: position + 8, to: position + 8 + length, explicit: explicit, bigEndian: bigEndian,
                        untilItemEnd: false, depth: depth)
                }
                position += 8 + length
            }
            return definedLength ? position : nil
        }
    }
}
