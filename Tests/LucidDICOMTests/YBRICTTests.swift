import Foundation
import LucidCodecs
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// YBR_ICT in a DICOM file (PS3.5 A.4.4, PS3.3 C.7.6.3.1.2): JPEG 2000 lossy with the irreversible
/// component transform, which the JPEG 2000 decoder reverses, so Lucid must not convert again.
@Suite struct YBRICTTests {
    @Test("RGB compressed by opj_compress -I with the transform decodes near the source, converted once")
    func irreversibleTransform() throws {
        let (width, height) = (24, 16)
        var rgb: [UInt8] = []
        for row in 0..<height {
            for column in 0..<width { rgb += [UInt8(column * 10), UInt8(row * 15), UInt8(255 - column * 8)] }
        }
        let folder = try LucidBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ppm = folder + "/rgb.ppm", j2k = folder + "/rgb.j2k"
        try Data(Array("P6\n\(width) \(height)\n255\n".utf8) + rgb).write(to: URL(fileURLWithPath: ppm))
        guard try StartMarkerFramesTests.openJPEG(["-i", ppm, "-o", j2k, "-I", "-mct", "1", "-n", "3"]) else { return }
        let codestream = Array(try Data(contentsOf: URL(fileURLWithPath: j2k)))
        let header = try JPEG2000Codec.readHeader(codestream)
        #expect(header.multipleComponentTransform == 1 && !header.isReversible)
        let bytes = YBRConversionTests.file(
            photometric: "YBR_ICT", rows: height, columns: width, syntax: "1.2.840.10008.1.2.4.91"
        ) { YBRConversionTests.encapsulate([codestream], into: &$0) }
        let image = try YBRConversionTests.read(bytes)
        #expect(try image.storedFrame(0).colorTransformUndone)
        let frame = try image.rgbFrame(0)
        #expect(frame.bitsPerSample == 8 && frame.image.width == width && frame.image.height == height)
        // opj_decompress gives at most 2 levels from the source; a second (YBR_FULL) conversion of
        // the decoded RGB would move most samples by tens of levels.
        let differences = zip(frame.image.samples, rgb).map { abs(Int($0) - Int($1)) }
        #expect(differences.max() ?? .max <= 3, "largest difference \(differences.max() ?? -1)")
    }
}
