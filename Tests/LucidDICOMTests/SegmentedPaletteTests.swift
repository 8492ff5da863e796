import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Segmented Palette Color Lookup Table Data (PS3.3 C.7.9.2), which neither corpus holds, built
/// word by word: discrete, linear and indirect segments expand to the tables worked out by hand,
/// and a PALETTE COLOR image is looked up through them.
@Suite struct SegmentedPaletteTests {
    /// Red: discrete 10, 20, 30; linear to 70 in 4 steps; indirect copy of those 2 segments (word
    /// offset 0): 14 entries.
    static let redSegments: [UInt16] = [0, 3, 10, 20, 30, 1, 4, 70, 2, 2, 0, 0]
    static let red: [UInt16] = [10, 20, 30, 40, 50, 60, 70, 10, 20, 30, 40, 50, 60, 70]
    /// Green: discrete 1000; linear to 0 in 3 steps (666.7 and 333.3 rounded); discrete 1...10.
    static let greenSegments: [UInt16] = [0, 1, 1000, 1, 3, 0, 0, 10] + (1...10).map { UInt16($0) }
    static let green: [UInt16] = [1000, 667, 333, 0] + (1...10).map { UInt16($0) }
    /// Blue: discrete 65535, 0; linear to 12000 in 12 steps of 1000.
    static let blueSegments: [UInt16] = [0, 2, 65535, 0, 1, 12, 12000]
    static let blue: [UInt16] = [65535, 0] + (1...12).map { UInt16($0 * 1000) }

    /// The index the first entry stands for (descriptor value 2).
    static let firstMapped = 2

    /// A 3 x 6 8-bit PALETTE COLOR image of indices 0...17 (below, within and above the table's
    /// 2...15), its palette given as the three segmented tables.
    static func file() -> [UInt8] {
        var body = DataSetBytes()
        body.us(0x0028, 0x0002, 1)
        body.text(0x0028, 0x0004, "CS", "PALETTE COLOR")
        body.us(0x0028, 0x0010, 3)
        body.us(0x0028, 0x0011, 6)
        body.us(0x0028, 0x0100, 8)
        body.us(0x0028, 0x0101, 8)
        body.us(0x0028, 0x0102, 7)
        body.us(0x0028, 0x0103, 0)
        for element: UInt16 in [0x1101, 0x1102, 0x1103] {
            body.us(0x0028, element, UInt16(red.count), UInt16(firstMapped), 16)
        }
        for (element, words) in [(0x1221, redSegments), (0x1222, greenSegments), (0x1223, blueSegments)] {
            var value = DataSetBytes()
            for word in words { value.u16(word) }
            body.element(0x0028, UInt16(element), "OW", value.bytes)
        }
        body.element(0x7FE0, 0x0010, "OB", (0..<18).map { UInt8($0) })
        return DataSetBytes.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes)
    }

    static func image() throws -> DICOMImage {
        try DICOMImage(file: DICOMFile(bytes: file(), source: "segmented.dcm"))
    }

    @Test("Discrete, linear and indirect segments expand to the tables worked out by hand")
    func expandedTables() throws {
        let image = try Self.image()
        let table = try PaletteColorTable(dataSet: image.dataSet, file: "segmented.dcm", signedIndices: false)
        #expect(table.red == Self.red)
        #expect(table.green == Self.green)
        #expect(table.blue == Self.blue)
        #expect(table.firstMappedIndex == 2 && table.bitsPerEntry == 16)
    }

    @Test("A PALETTE COLOR image is looked up through the segmented tables, out-of-range indices clamped")
    func lookedUpImage() throws {
        let frame = try Self.image().rgbFrame(0)
        #expect(frame.bitsPerSample == 16)
        #expect(frame.image.width == 6 && frame.image.height == 3)
        var expected: [UInt16] = []
        for index in 0..<18 {
            let entry = min(max(index - Self.firstMapped, 0), Self.red.count - 1)
            expected += [Self.red[entry], Self.green[entry], Self.blue[entry]]
        }
        #expect(frame.image.samples == expected)
        // Index 9 is entry 7, the first value the indirect segment copied.
        #expect(Array(frame.image.samples[27..<30]) == [10, 4, 6000])
    }

    @Test("An indirect segment pointing between segments is refused, naming the segmented table")
    func indirectOutsideSegments() throws {
        var words = Self.redSegments
        words[9] = 1  // one segment...
        words[10] = 1  // ...from word 1: a segment's length, not the start of a segment
        var body = DataSetBytes()
        body.us(0x0028, 0x1101, 14, 0, 16)
        var value = DataSetBytes()
        for word in words { value.u16(word) }
        body.element(0x0028, 0x1221, "OW", value.bytes)
        let bytes = DataSetBytes.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes)
        let dataSet = try DICOMFile(bytes: bytes, source: "bad.dcm").dataSet
        #expect {
            _ = try PaletteColorTable(dataSet: dataSet, file: "bad.dcm", signedIndices: false)
        } throws: { error in
            guard case DICOMError.invalidAttribute("bad.dcm", let tag, _, let reason) = error else { return false }
            return tag == .segmentedRedPaletteLUTData && reason.contains("indirect segment points outside")
        }
    }
}
