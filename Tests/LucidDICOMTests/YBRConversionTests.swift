import Foundation
import LucidCodecs
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Colour models neither corpus holds, built in the test: YBR_PARTIAL_422 (native) and
/// YBR_PARTIAL_420 (JPEG) converted with the partial-range equations of PS3.3 C.7.6.3.1.2 (Y
/// 16...235, Cb and Cr 16...240), and YBR_ICT (JPEG 2000 lossy) taken as the RGB the decoder's
/// inverse component transform already gives.
@Suite struct YBRConversionTests {
    /// A Part 10 file of one 8-bit three-sample frame with `photometric`, then `pixels`.
    static func file(
        photometric: String, rows: Int, columns: Int, syntax: String, pixels: (inout DataSetBytes) -> Void
    ) -> [UInt8] {
        var body = DataSetBytes()
        body.us(0x0028, 0x0002, 3)
        body.text(0x0028, 0x0004, "CS", photometric)
        body.us(0x0028, 0x0006, 0)
        body.us(0x0028, 0x0010, UInt16(rows))
        body.us(0x0028, 0x0011, UInt16(columns))
        body.us(0x0028, 0x0100, 8)
        body.us(0x0028, 0x0101, 8)
        body.us(0x0028, 0x0102, 7)
        body.us(0x0028, 0x0103, 0)
        pixels(&body)
        return DataSetBytes.part10(transferSyntax: syntax, body: body.bytes)
    }

    /// Encapsulated Pixel Data: an empty Basic Offset Table, then `fragments`.
    static func encapsulate(_ fragments: [[UInt8]], into body: inout DataSetBytes) {
        body.element(0x7FE0, 0x0010, "OB", [], length: DataSetBytes.undefined)
        body.itemStart(length: 0)
        for fragment in fragments {
            let padded = fragment.count % 2 == 1 ? fragment + [0] : fragment
            body.itemStart(length: UInt32(padded.count))
            body.bytes += padded
        }
        body.sequenceEnd()
    }

    static func read(_ bytes: [UInt8]) throws -> DICOMImage {
        try DICOMImage(file: DICOMFile(bytes: bytes, source: "ybr.dcm"))
    }

    static func pixel(_ image: ColorImage<UInt16>, row: Int, column: Int) -> [UInt16] {
        let first = 3 * (row * image.width + column)
        return Array(image.samples[first..<(first + 3)])
    }

    @Test("Native YBR_PARTIAL_422: two Y share one Cb Cr, converted with the partial-range equations")
    func partial422() throws {
        // Y1 Y2 Cb Cr per pair of pixels (PS3.3 C.7.6.3.1.2); 2 rows x 4 columns.
        let stored: [UInt8] = [16, 235, 128, 128, 81, 145, 90, 240, 41, 41, 240, 110, 170, 126, 54, 140]
        let bytes = Self.file(photometric: "YBR_PARTIAL_422", rows: 2, columns: 4, syntax: "1.2.840.10008.1.2.1") {
            $0.element(0x7FE0, 0x0010, "OB", stored)
        }
        let image = try Self.read(bytes)
        #expect(
            try image.storedFrame(0).samples
                == .uint8([
                    16, 128, 128, 235, 128, 128, 81, 90, 240, 145, 90, 240,
                    41, 240, 110, 41, 240, 110, 170, 54, 140, 126, 54, 140,
                ]))
        let rgb = try image.rgbFrame(0)
        #expect(rgb.bitsPerSample == 8)
        // R = 255/219 (Y - 16) + 1.596027 (Cr - 128); G = 255/219 (Y - 16) - 0.391762 (Cb - 128)
        // - 0.812968 (Cr - 128); B = 255/219 (Y - 16) + 2.017232 (Cb - 128); rounded, clamped to 0...255.
        // The full-range equations would give 238 14 14 for the third pixel, 16 15 239 for the fifth.
        #expect(
            rgb.image.samples == [
                0, 0, 0, 255, 255, 255, 254, 0, 0, 255, 74, 74,
                0, 0, 255, 0, 0, 255, 198, 199, 30, 147, 147, 0,
            ])
    }

    @Test("YBR_PARTIAL_420 in JPEG Baseline: the decoder upsamples the chroma, Lucid converts partial range")
    func partial420() throws {
        // Two 16 x 16 MCUs of one colour each: libjpeg stores (200, 40, 60) as Y 90 Cb 111 Cr 206 and
        // (30, 160, 90) as 113 115 69 (JFIF), chroma subsampled 2 x 2, exactly at quality 100.
        let (width, height) = (32, 16)
        var rgb: [UInt8] = []
        for _ in 0..<height {
            for column in 0..<width { rgb += column < 16 ? [200, 40, 60] : [30, 160, 90] }
        }
        let jpeg = try JPEGCodec.encode(ColorImage(width: width, height: height, samples: rgb), quality: 100)
        let bytes = Self.file(
            photometric: "YBR_PARTIAL_420", rows: height, columns: width, syntax: "1.2.840.10008.1.2.4.50"
        ) { Self.encapsulate([jpeg], into: &$0) }
        let image = try Self.read(bytes)
        let stored = try image.storedFrame(0)
        guard case .uint8(let ybr) = stored.samples else {
            Issue.record("8-bit samples expected")
            return
        }
        #expect(Array(ybr[0..<3]) == [90, 111, 206] && Array(ybr[(3 * 31)..<(3 * 32)]) == [113, 115, 69])
        let frame = try image.rgbFrame(0).image
        // Partial range: (211, 29, 52) and (19, 166, 87); the full-range equations would give back
        // the source colours (199, 40, 60) and (30, 160, 90).
        let coordinates = (0..<height).flatMap { row in
            (0..<width).filter { $0 != 15 && $0 != 16 }.map { (row, $0) }
        }
        let converted = coordinates.map { Self.pixel(frame, row: $0.0, column: $0.1) }
        let expected: [[UInt16]] = coordinates.map { $0.1 < 15 ? [211, 29, 52] : [19, 166, 87] }
        #expect(converted == expected)
        // The two columns where libjpeg blends the chroma of both MCUs: the same equations.
        for column in [15, 16] {
            let first = 3 * column
            let (y, cb, cr) = (Double(ybr[first]) - 16, Double(ybr[first + 1]) - 128, Double(ybr[first + 2]) - 128)
            let luma = y * 255 / 219
            let expected = [luma + 1.596027 * cr, luma - 0.391762 * cb - 0.812968 * cr, luma + 2.017232 * cb].map {
                UInt16(min(max($0.rounded(), 0), 255))
            }
            #expect(Self.pixel(frame, row: 0, column: column) == expected, "column \(column)")
        }
    }
}
