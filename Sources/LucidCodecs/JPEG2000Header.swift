/// The main header of a JPEG 2000 codestream (ISO/IEC 15444-1 Annex A), read without OpenJPEG:
/// the SIZ marker (A.5.1) and the main header's COD marker (A.6.1).
public struct JPEG2000Header: Sendable, Equatable {
    /// Image width in pixels, `Xsiz - XOsiz`, at least 1.
    public let width: Int
    /// Image height in pixels, `Ysiz - YOsiz`, at least 1.
    public let height: Int
    /// Components, `Csiz`, 1...16,384.
    public let components: Int
    /// Bits per sample, `(Ssiz & 0x7F) + 1`, 1...38; the same for every component.
    public let precision: Int
    /// Whether the samples are signed (`Ssiz` bit 7); the same for every component.
    public let isSigned: Bool
    /// Tiles on the reference grid (`XTsiz`, `YTsiz`, `XTOsiz`, `YTOsiz`), 1...65,535 (`Isot`).
    public let tileCount: Int
    /// The main header's COD multiple component transform byte (SGcod): 0 none, 1 the ICT or RCT
    /// of Part 1 (Annex G), 2 an array-based transform of Part 2 (ISO/IEC 15444-2 Annex J).
    public let multipleComponentTransform: Int
    /// Whether the main header's COD marker selects the reversible 5-3 wavelet (lossless-capable)
    /// rather than the irreversible 9-7 one.
    public let isReversible: Bool
    /// Whether the codestream uses High-Throughput (HTJ2K, ISO/IEC 15444-15) code-blocks: a CAP
    /// marker segment, or the HT bit (0x40) in a COD or COC code-block style.
    public let usesHighThroughput: Bool
    /// Whether the bytes are a JP2 file (ISO/IEC 15444-1 Annex I) holding the codestream in its
    /// `jp2c` box, not a bare codestream as DICOM (PS3.5 A.4.4) requires.
    public let isJP2File: Bool
    /// Where the codestream (SOC marker onwards) lies in the bytes that were read.
    public let codestreamRange: Range<Int>
    /// Where the first tile-part (its SOT marker) starts in the bytes that were read.
    let firstTilePart: Int
    /// The code-block coders the main header's COD and COC marker segments select.
    let mainHeaderCoders: CodeBlockCoders
}

/// The code-block coders that COD and COC marker segments select: bit 6 (0x40) of the code-block
/// style (SPcod, SPcoc) chooses the High-Throughput block coder of ISO/IEC 15444-15 (A.3) over
/// the classic one of 15444-1 (EBCOT, Annex D).
struct CodeBlockCoders: OptionSet, Sendable, Equatable {
    let rawValue: Int
    static let classic = CodeBlockCoders(rawValue: 1)
    static let highThroughput = CodeBlockCoders(rawValue: 2)

    /// The coder a code-block style byte selects.
    init(style: Int) { self = style & 0x40 != 0 ? .highThroughput : .classic }
    init(rawValue: Int) { self.rawValue = rawValue }
}

extension JPEG2000Header {
    /// Parses `bytes`, a bare codestream starting with SOC then SIZ or a JP2 file.
    /// - Throws: `.codestream` when the main header is missing, cut short or malformed;
    ///   `.unsupportedCodestream` when components differ in precision or sign, or are subsampled
    ///   (`XRsiz` or `YRsiz` other than 1).
    init(parsing bytes: [UInt8]) throws(CodecError) {
        var reader = JPEG2000MarkerReader(bytes: bytes)
        let isJP2 = reader.hasJP2Signature
        let range = try isJP2 ? reader.jp2CodestreamRange() : 0..<bytes.count
        reader.position = range.lowerBound
        guard try reader.uint16() == 0xFF4F, try reader.uint16() == 0xFF51 else {
            throw reader.failure("no SOC marker followed by SIZ")
        }
        let lengthStart = reader.position
        let length = try reader.uint16()
        _ = try reader.uint16()  // Rsiz (capabilities)
        let grid = try (0..<8).map { _ throws(CodecError) in Int(try reader.uint32()) }
        let (x1, y1, x0, y0, tileWidth, tileHeight, tileX0, tileY0) =
            (grid[0], grid[1], grid[2], grid[3], grid[4], grid[5], grid[6], grid[7])
        let components = try reader.uint16()
        guard (1...16_384).contains(components), length == 38 + 3 * components else {
            throw reader.failure("SIZ declares \(components) components in a \(length)-byte segment")
        }
        guard x1 > x0, y1 > y0, tileWidth > 0, tileHeight > 0, tileX0 <= x0, tileY0 <= y0,
            tileX0 + tileWidth > x0, tileY0 + tileHeight > y0
        else { throw reader.failure("SIZ declares an empty image or an impossible tile grid") }
        let sizes = try (0..<components).map { _ throws(CodecError) in
            try [reader.uint8(), reader.uint8(), reader.uint8()]
        }
        guard sizes.allSatisfy({ $0[0] & 0x7F < 38 }) else { throw reader.failure("SIZ declares a precision above 38") }
        guard sizes.allSatisfy({ $0[1] == 1 && $0[2] == 1 }) else {
            throw .unsupportedCodestream(
                format: .jpeg2000, reason: "subsampled components (XRsiz or YRsiz other than 1)")
        }
        guard sizes.allSatisfy({ $0[0] == sizes[0][0] }) else {
            throw .unsupportedCodestream(format: .jpeg2000, reason: "components of different precision or sign")
        }
        let columns = (x1 - tileX0 + tileWidth - 1) / tileWidth, rows = (y1 - tileY0 + tileHeight - 1) / tileHeight
        let (tiles, overflow) = columns.multipliedReportingOverflow(by: rows)
        guard !overflow, tiles <= 65_535 else { throw reader.failure("SIZ declares more than 65,535 tiles") }
        reader.position = lengthStart + length
        let coding = try reader.mainHeaderCoding(components: components)
        width = x1 - x0
        height = y1 - y0
        self.components = components
        precision = sizes[0][0] & 0x7F + 1
        isSigned = sizes[0][0] & 0x80 != 0
        tileCount = tiles
        multipleComponentTransform = coding.transform
        isReversible = coding.reversible
        usesHighThroughput = coding.highThroughput
        mainHeaderCoders = coding.coders
        isJP2File = isJP2
        codestreamRange = range
        firstTilePart = reader.position - 2
    }
}

/// Big-endian reads over a JPEG 2000 codestream or JP2 file; every read past the end throws.
private struct JPEG2000MarkerReader {
    let bytes: [UInt8]
    var position = 0

    var hasJP2Signature: Bool {
        bytes.starts(with: [0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A])
    }

    func failure(_ message: String) -> CodecError {
        .codestream(format: .jpeg2000, operation: "read header", message: message)
    }

    mutating func uint8() throws(CodecError) -> Int {
        guard position < bytes.count else { throw failure("the main header is cut short") }
        defer { position += 1 }
        return Int(bytes[position])
    }

    mutating func uint16() throws(CodecError) -> Int { try uint8() << 8 | uint8() }

    mutating func uint32() throws(CodecError) -> Int { try uint16() << 16 | uint16() }

    /// The contents of the first top-level `jp2c` box (I.5.4), ending where the box or the data
    /// ends (an `LBox` of 0 means "to the end").
    mutating func jp2CodestreamRange() throws(CodecError) -> Range<Int> {
        while position + 8 <= bytes.count {
            let start = position
            var length = try uint32()
            let type = try uint32()
            if length == 1 { length = try uint32() << 32 | uint32() }
            if length == 0 { length = bytes.count - start }
            guard length >= position - start, length <= bytes.count - start || type == 0x6A70_3263 else {
                throw failure("a JP2 box declares \(length) bytes")
            }
            if type == 0x6A70_3263 { return position..<min(start + length, bytes.count) }
            position = start + length
        }
        throw failure("the JP2 file has no contiguous codestream box (jp2c)")
    }

    /// Walks the main header's marker segments up to the first SOT and reads COD: the SGcod
    /// multiple component transform byte and the SPcod wavelet transformation byte; whether
    /// a CAP segment or a COD or COC code-block style declares HT code-blocks; and which coders
    /// the COD and COC code-block styles select.
    mutating func mainHeaderCoding(components: Int) throws(CodecError) -> (
        transform: Int, reversible: Bool, highThroughput: Bool, coders: CodeBlockCoders
    ) {
        var coding: (transform: Int, reversible: Bool)?
        var highThroughput = false
        var coders: CodeBlockCoders = []
        while true {
            let marker = try uint16()
            guard marker >= 0xFF30 else {
                throw failure("a main header marker is corrupt (0x\(String(marker, radix: 16)))")
            }
            if marker == 0xFF90 { break }  // SOT: the main header ends
            let start = position
            let length = try uint16()
            guard length >= 2 else { throw failure("a main header marker segment declares \(length) bytes") }
            if marker == 0xFF50 { highThroughput = true }  // CAP (15444-15 A.2)
            if marker == 0xFF52 && coding == nil {
                guard length >= 12 else { throw failure("the COD marker segment is too short") }
                position = start + 6
                let transform = try uint8()
                position = start + 10
                let style = try uint8()
                coders.insert(CodeBlockCoders(style: style))
                if style & 0x40 != 0 { highThroughput = true }
                coding = (transform, try uint8() == 1)
            }
            if marker == 0xFF53 {  // COC: Ccoc (2 bytes when Csiz > 256), Scoc, levels, xcb, ycb, style
                let styleOffset = components > 256 ? 8 : 7
                guard length >= styleOffset + 1 else { throw failure("a COC marker segment is too short") }
                position = start + styleOffset
                let style = try uint8()
                coders.insert(CodeBlockCoders(style: style))
                if style & 0x40 != 0 { highThroughput = true }
            }
            position = start + length
        }
        guard let coding else { throw failure("the main header has no COD marker") }
        return (coding.transform, coding.reversible, highThroughput, coders)
    }
}
