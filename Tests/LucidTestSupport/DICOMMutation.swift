/// One seeded, repeatable damage done to a DICOM file, for the mutation tests: a cut, flipped
/// bytes, or a length field set to 0xFFFFFFFF (0xFFFF for a 16-bit field) or past the end.
public enum DICOMMutation: Sendable, Equatable, CustomStringConvertible {
    /// Keeps the first `length` bytes.
    case truncate(Int)
    /// XORs each offset's byte with its mask (never 0).
    case flip([Int: UInt8])
    /// Writes `value` into a length field.
    case setLength(DICOMLengthField, UInt32)

    public var description: String {
        switch self {
        case .truncate(let length): return "cut@\(length)"
        case .flip(let masks):
            return "flip@" + masks.keys.sorted().map { "\($0)^\(masks[$0] ?? 0)" }.joined(separator: ",")
        case .setLength(let field, let value): return "length@\(field.offset)=\(value)"
        }
    }

    /// The damaged copy of `bytes`.
    public func apply(to bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .truncate(let length):
            return Array(bytes[0..<min(length, bytes.count)])
        case .flip(let masks):
            var damaged = bytes
            for (offset, mask) in masks where offset < damaged.count { damaged[offset] ^= mask }
            return damaged
        case .setLength(let field, let value):
            var damaged = bytes
            let encoded: [UInt8] =
                field.width == 2
                ? [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)]
                : [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
            let ordered = field.bigEndian ? Array(encoded.reversed()) : encoded
            for (index, byte) in ordered.enumerated() { damaged[field.offset + index] = byte }
            return damaged
        }
    }

    /// The mutations of one file: cuts at fixed, structural and seeded offsets (headers, every
    /// length field's position up to `maximumFields`, inside Pixel Data); 24 rounds of 1-4 byte flips in the
    /// first 4 KiB and 4 anywhere; and every length field (all of them, or `maximumFields` chosen
    /// with the seed) set to 0xFFFFFFFF and to one byte past the end of the file.
    public static func all(for bytes: [UInt8], seed: UInt64, maximumFields: Int = 400) -> [DICOMMutation] {
        var generator = SeededGenerator(seed: seed)
        let count = bytes.count
        let (allFields, pixelData) = DICOMLengthFields.find(in: bytes)
        var fields = allFields
        if fields.count > maximumFields {
            fields = Array(fields.shuffled(using: &generator).prefix(maximumFields)).sorted { $0.offset < $1.offset }
        }
        var cuts: Set<Int> = [0, 1, 7, 127, 128, 131, 132, 140, count - 2, count - 1]
        for field in fields.shuffled(using: &generator).prefix(16) { cuts.insert(field.offset + 1) }
        if let pixelData { cuts.formUnion([pixelData + 1, (pixelData + count) / 2, max(pixelData, count - 100)]) }
        for _ in 0..<16 where count > 0 { cuts.insert(Int.random(in: 0..<count, using: &generator)) }
        var mutations = cuts.filter { $0 >= 0 && $0 < count }.sorted().map { DICOMMutation.truncate($0) }

        for round in 0..<28 where count > 0 {
            let span = round < 24 ? min(count, 4096) : count
            var masks: [Int: UInt8] = [:]
            for _ in 0..<(1 + round % 4) {
                masks[Int.random(in: 0..<span, using: &generator)] = UInt8.random(in: 1...255, using: &generator)
            }
            mutations.append(.flip(masks))
        }

        for field in fields {
            let maximum: UInt32 = field.width == 2 ? 0xFFFF : 0xFFFF_FFFF
            let pastEnd = UInt32(clamping: count - field.valueOffset + 1)
            mutations.append(.setLength(field, maximum))
            if pastEnd < maximum { mutations.append(.setLength(field, pastEnd)) }
        }
        return mutations
    }

    /// `count` of `mutations`, evenly spaced from the first, in order (all of them when there are
    /// no more than `count`): a fixed subset that keeps the mix of cuts, flips and length fields.
    public static func sample(_ mutations: [DICOMMutation], count: Int) -> [DICOMMutation] {
        guard mutations.count > count else { return mutations }
        return (0..<max(count, 0)).map { mutations[$0 * mutations.count / count] }
    }
}
