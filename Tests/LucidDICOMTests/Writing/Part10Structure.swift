/// A byte-level walk over an Explicit VR Little Endian Part 10 file written by Lucid, independent
/// of Lucid's reader: the File Meta group length and the order of tags at every nesting level.
struct Part10Structure {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// (0002,0000)'s value.
    var declaredMetaLength = 0
    /// Bytes from the end of (0002,0000) to the first element of another group.
    var actualMetaLength = 0
    /// Top-level tags in file order (meta group included).
    var topLevelTags: [UInt32] = []
    /// Places where a tag did not follow its predecessor in ascending order.
    var orderViolations: [String] = []
    /// Every value length seen (sequences and items excluded), to check evenness.
    var oddLengths: [UInt32] = []

    init(_ bytes: [UInt8]) throws {
        guard bytes.count > 144, Array(bytes[128..<132]) == Array("DICM".utf8) else {
            throw Failure(description: "no preamble and DICM")
        }
        var position = 132
        topLevelTags = try walk(bytes, &position, untilItemEnd: false, path: "top")
        declaredMetaLength = Int(u32(bytes, 140))
        var metaEnd = 144
        while metaEnd + 8 <= bytes.count, u16(bytes, metaEnd) == 0x0002 {
            metaEnd += elementSize(bytes, metaEnd)
        }
        actualMetaLength = metaEnd - 144
    }

    private func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }

    private func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(u16(bytes, at)) | UInt32(u16(bytes, at + 2)) << 16
    }

    private func isLong(_ vr: String) -> Bool {
        ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT", "SV", "UV"].contains(vr)
    }

    /// Size of a non-sequence element at `at`.
    private func elementSize(_ bytes: [UInt8], _ at: Int) -> Int {
        let vr = String(decoding: bytes[(at + 4)..<(at + 6)], as: UTF8.self)
        return isLong(vr) ? 12 + Int(u32(bytes, at + 8)) : 8 + Int(u16(bytes, at + 6))
    }

    private mutating func walk(_ bytes: [UInt8], _ position: inout Int, untilItemEnd: Bool, path: String) throws
        -> [UInt32]
    {
        var tags: [UInt32] = []
        while position + 8 <= bytes.count {
            let tag = UInt32(u16(bytes, position)) << 16 | UInt32(u16(bytes, position + 2))
            if tag == 0xFFFE_E00D {
                guard untilItemEnd else { throw Failure(description: "item delimiter at top level") }
                position += 8
                return tags
            }
            if let last = tags.last, last >= tag {
                orderViolations.append("\(path): \(String(tag, radix: 16)) after \(String(last, radix: 16))")
            }
            tags.append(tag)
            let vr = String(decoding: bytes[(position + 4)..<(position + 6)], as: UTF8.self)
            if vr == "SQ" {
                guard u32(bytes, position + 8) == 0xFFFF_FFFF else { throw Failure(description: "defined-length SQ") }
                position += 12
                while u32(bytes, position) == 0xE000_FFFE {
                    position += 8
                    _ = try walk(bytes, &position, untilItemEnd: true, path: path + ">" + String(tag, radix: 16))
                }
                guard u32(bytes, position) == 0xE0DD_FFFE else { throw Failure(description: "no sequence delimiter") }
                position += 8
                continue
            }
            let length = isLong(vr) ? u32(bytes, position + 8) : UInt32(u16(bytes, position + 6))
            if length % 2 == 1 { oddLengths.append(length) }
            position += elementSize(bytes, position)
        }
        if untilItemEnd { throw Failure(description: "item without delimiter") }
        return tags
    }
}
