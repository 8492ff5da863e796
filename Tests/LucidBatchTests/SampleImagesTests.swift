import Foundation
import LucidDICOM
import LucidImaging
import LucidRendering
import LucidTestSupport
import Testing

/// The generated images in `SampleImages/` read back with the facts their generator wrote, and
/// render the way the README's main command renders them.
@Suite struct SampleImagesTests {
    static func path(_ name: String) -> String { SampleCorpus.packageRoot + "/SampleImages/" + name }

    @Test("CT head phantom: signed HU, two windows, padding outside the field of view")
    func ctHead() throws {
        let image = try DICOMImage(path: SampleImagesTests.path("ct_head_phantom.dcm"))
        let display = image.display()
        #expect(image.pixel.rows == 512 && image.pixel.pixelRepresentation == 1)
        #expect(display.modality == .rescale(slope: 1, intercept: -1024))
        #expect(display.windows.map(\.explanation) == ["BRAIN", "BONE"])
        #expect(display.windows.map(\.center) == [40, 600])
        #expect(display.paddingRange == -2000 ... -2000)
        let rendering = try Renderer.render(image)
        #expect(rendering.windowDescription.hasPrefix("window 1 of file: center 40 width 80 LINEAR"))
        let pixels = try #require(rendering.image8)
        #expect(pixels[0, 0] == 0)
        #expect(pixels[256, 256] > 0)
    }

    @Test("CR chest: MONOCHROME1 renders inverted, lungs darker than the mediastinum")
    func crChest() throws {
        let image = try DICOMImage(path: SampleImagesTests.path("cr_chest_mono1.dcm"))
        #expect(image.pixel.isMonochrome1 && image.pixel.bitsStored == 12)
        let rendering = try Renderer.render(image)
        #expect(rendering.inverted)
        let pixels = try #require(rendering.image8)
        let lung = Int(pixels[pixels.width / 4, pixels.height / 2])
        let mediastinum = Int(pixels[pixels.width / 2, pixels.height / 2])
        #expect(lung < mediastinum)
    }

    @Test("MR brain and the Implicit VR chest CT render; the chest CT falls back to auto")
    func mrAndImplicitCT() throws {
        let mr = try DICOMImage(path: SampleImagesTests.path("mr_brain_t1.dcm"))
        #expect(try Renderer.render(mr).windowDescription.hasPrefix("window 1 of file"))
        let chest = try DICOMImage(path: SampleImagesTests.path("ct_chest_phantom_implicit.dcm"))
        #expect(chest.file.transferSyntax == .implicitVRLittleEndian)
        let rendering = try Renderer.render(chest)
        #expect(rendering.windowDescription.hasPrefix("no usable VOI in file; automatic"))
    }

    @Test("The sample images stay small")
    func size() throws {
        let folder = SampleCorpus.packageRoot + "/SampleImages"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".dcm") }
        #expect(names.count == 4)
        let total = try names.reduce(0) { sum, name in
            sum + ((try FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? 0)
        }
        #expect(total < 5_000_000)
    }
}
