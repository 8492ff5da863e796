import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Display attributes on hand-built images for the rules the corpus does not exercise: per-frame
/// windows, XA/XRF, Presentation LUT Shape, LINEAR_EXACT, signed LUT descriptors, padding ranges.
@Suite struct DisplayAttributesTests {
    /// A 2x2, 16-bit image with the given extra elements (added in tag order by the caller).
    func image(
        sopClass: String = "1.2.840.10008.5.1.4.1.1.2", photometric: String = "MONOCHROME2", signed: Bool = false,
        frames: Int = 1, extra: (inout DataSetBytes) -> Void
    ) throws -> DICOMImage {
        var body = DataSetBytes()
        body.text(0x0008, 0x0016, "UI", sopClass)
        extra(&body)
        body.us(0x0028, 0x0002, 1)
        body.text(0x0028, 0x0004, "CS", photometric)
        body.text(0x0028, 0x0008, "IS", String(frames))
        body.us(0x0028, 0x0010, 2)
        body.us(0x0028, 0x0011, 2)
        body.us(0x0028, 0x0100, 16)
        body.us(0x0028, 0x0101, 12)
        body.us(0x0028, 0x0102, 11)
        body.us(0x0028, 0x0103, signed ? 1 : 0)
        body.element(0x7FE0, 0x0010, "OW", [UInt8](repeating: 0, count: 8 * frames))
        let bytes = DataSetBytes.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes)
        return try DICOMImage(file: DICOMFile(bytes: bytes, source: "synthetic.dcm"))
    }

    /// A Frame VOI LUT functional group item holding one window.
    func frameVOIItem(center: String, width: String, function: String? = nil) -> [UInt8] {
        var voi = DataSetBytes()
        voi.text(0x0028, 0x1050, "DS", center)
        voi.text(0x0028, 0x1051, "DS", width)
        if let function { voi.text(0x0028, 0x1056, "CS", function) }
        var group = DataSetBytes()
        group.element(0x0028, 0x9132, "SQ", [], length: DataSetBytes.undefined)
        group.itemStart(length: UInt32(voi.bytes.count))
        group.bytes += voi.bytes
        group.sequenceEnd()
        return group.bytes
    }

    @Test("Per-frame windows take precedence over shared ones, frame by frame")
    func perFrameWindows() throws {
        let image = try image(frames: 2) { body in
            body.element(0x5200, 0x9229, "SQ", [], length: DataSetBytes.undefined)
            let shared = frameVOIItem(center: "100", width: "200")
            body.itemStart(length: UInt32(shared.count))
            body.bytes += shared
            body.sequenceEnd()
            body.element(0x5200, 0x9230, "SQ", [], length: DataSetBytes.undefined)
            for (center, width) in [("10", "20"), ("30", "40")] {
                let item = frameVOIItem(center: center, width: width, function: "LINEAR_EXACT")
                body.itemStart(length: UInt32(item.count))
                body.bytes += item
            }
            body.sequenceEnd()
        }
        #expect(image.display(frame: 0).windows == [Window(center: 10, width: 20, function: .linearExact)])
        #expect(image.display(frame: 1).windows == [Window(center: 30, width: 40, function: .linearExact)])
    }

    @Test("XA images keep stored values: no Modality LUT for display")
    func xrayAngiography() throws {
        let image = try image(sopClass: "1.2.840.10008.5.1.4.1.1.12.1") { body in
            body.text(0x0028, 0x1052, "DS", "-100")
            body.text(0x0028, 0x1053, "DS", "2")
        }
        #expect(image.display().modality == .identity)
        #expect(image.display().rescaleSlope == 2)
    }

    @Test("Rescale applies for other SOP classes")
    func rescale() throws {
        let image = try image { body in
            body.text(0x0028, 0x1052, "DS", "-1024")
            body.text(0x0028, 0x1053, "DS", "1")
        }
        #expect(image.display().modality == .rescale(slope: 1, intercept: -1024))
    }

    @Test("MONOCHROME1 inverts; with Presentation LUT Shape INVERSE it still inverts exactly once")
    func inversion() throws {
        #expect(!(try shapedImage(photometric: "MONOCHROME2", shape: nil).display().invert))
        #expect(try shapedImage(photometric: "MONOCHROME2", shape: "INVERSE").display().invert)
        #expect(!(try shapedImage(photometric: "MONOCHROME2", shape: "IDENTITY").display().invert))
        let both = try shapedImage(photometric: "MONOCHROME1", shape: "INVERSE")
        let display = both.display()
        let pipeline = DisplayPipeline(
            encoding: both.pixel.encoding, modality: display.modality, voi: .linearRange(lower: 0, upper: 4095),
            invert: display.invert)
        // Stored 0 is the minimum: white once inverted, black again if inverted twice.
        #expect(try pipeline.render(both.frame(0)).pixels == [255])
    }

    /// A 1x1 12-bit image holding stored value 0, with a photometric interpretation and an optional
    /// Presentation LUT Shape (2050,0020).
    func shapedImage(photometric: String, shape: String?) throws -> DICOMImage {
        var body = DataSetBytes()
        body.text(0x0028, 0x0004, "CS", photometric)
        body.us(0x0028, 0x0010, 1)
        body.us(0x0028, 0x0011, 1)
        body.us(0x0028, 0x0100, 16)
        body.us(0x0028, 0x0101, 12)
        if let shape { body.text(0x2050, 0x0020, "CS", shape) }
        body.element(0x7FE0, 0x0010, "OW", [0, 0])
        let bytes = DataSetBytes.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes)
        return try DICOMImage(file: DICOMFile(bytes: bytes, source: "shape.dcm"))
    }

    @Test("Pixel padding value and range limit read as signed for signed images, ordered")
    func padding() throws {
        let image = try image(signed: true) { body in
            body.element(0x0028, 0x0120, "SS", [0x00, 0xF0])  // -4096
            body.element(0x0028, 0x0121, "SS", [0x18, 0xFC])  // -1000
        }
        #expect(image.display().paddingRange == -4096 ... -1000)
    }

    @Test("An invalid window is reported as such")
    func invalidWindow() throws {
        let image = try image { body in
            body.text(0x0028, 0x1050, "DS", "40")
            body.text(0x0028, 0x1051, "DS", "0")
        }
        let window = try #require(image.display().windows.first)
        #expect(!window.isValid)
    }
}
