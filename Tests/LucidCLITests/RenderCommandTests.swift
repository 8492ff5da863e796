import Foundation
import LucidCodecs
import LucidPNG
import LucidTestSupport
import Testing

/// `lucid render` run as a user runs it: outputs, exit statuses, nothing left behind on failure.
@Suite struct RenderCommandTests {
    func contents(_ path: String) throws -> [UInt8] {
        [UInt8](try #require(FileManager.default.contents(atPath: path)))
    }

    @Test("PNG output equals the reference rendering and says how it was made")
    func png() throws {
        let folder = try LucidBinary.temporaryFolder()
        let output = folder + "/ct.png"
        let source = SampleCorpus.path("ct_ge_ivrle_window.dcm")
        let result = try LucidBinary.run(["render", source, "-o", output])
        #expect(result.status == 0, "\(result.standardError)")
        let decoded = try PNGCodec.decode(try contents(output))
        let expected = try PNGCodec.decode(try contents(SampleCorpus.path("expected/ct_ge_ivrle_window.png")))
        guard case .gray8(let image) = decoded.image, case .gray8(let reference) = expected.image else {
            Issue.record("expected 8-bit grayscale PNGs")
            return
        }
        let worst = zip(image.pixels, reference.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst <= 1)
        #expect(decoded.text(forKeyword: "Source") == source)
        #expect(decoded.text(forKeyword: "Window")?.contains("center 40 width 400 LINEAR") == true)
        #expect(decoded.text(forKeyword: "Frame") == "1 of 1")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["ct.png"])
    }

    @Test("16-bit PNG, JPEG, a chosen frame and a preset")
    func variants() throws {
        let folder = try LucidBinary.temporaryFolder()
        let ct = SampleCorpus.path("ct_enhanced_2frame_evrle.dcm")
        #expect(
            try LucidBinary.run(["render", ct, "-o", folder + "/a.png", "--depth", "16", "--frame", "2"]).status == 0)
        guard case .gray16(let image16) = try PNGCodec.decode(try contents(folder + "/a.png")).image else {
            Issue.record("expected a 16-bit PNG")
            return
        }
        #expect(image16.width == 512)
        #expect(
            try LucidBinary.run(["render", ct, "-o", folder + "/b.jpg", "--window", "lung", "--quality", "80"]).status
                == 0)
        let jpeg = try JPEGCodec.decodeGray8(try contents(folder + "/b.jpg"))
        #expect(jpeg.width == 512 && jpeg.height == 512)
    }

    @Test("Standard input to standard output")
    func pipes() throws {
        let bytes = try #require(FileManager.default.contents(atPath: SampleCorpus.path("mr_small_evrle.dcm")))
        let result = try LucidBinary.run(["render", "-", "-o", "-", "--format", "png"], input: bytes)
        #expect(result.status == 0)
        let decoded = try PNGCodec.decode([UInt8](result.standardOutput))
        #expect(decoded.image.width == 64)
        #expect(decoded.text(forKeyword: "Source") == "<stdin>")
    }

    @Test("A file that cannot be rendered: status 1, a message naming it, no output file")
    func failures() throws {
        let folder = try LucidBinary.temporaryFolder()
        for (name, message) in [
            ("mr_small_truncated_pixeldata.dcm", "truncated pixel data"),
            ("ct_no_pixeldata.dcm", "no pixel data"),
        ] {
            let result = try LucidBinary.run(["render", SampleCorpus.path(name), "-o", folder + "/out.png"])
            #expect(result.status == 1, "\(name)")
            #expect(
                result.standardError.contains(name) && result.standardError.contains(message), "\(result.standardError)"
            )
        }
        let broken = SampleCorpus.codecsPath("JPEG2000Lossless__966.dcm")
        let codestream = try LucidBinary.run(["render", broken, "-o", folder + "/out.png"])
        #expect(codestream.status == 1)
        #expect(
            codestream.standardError.contains(broken) && codestream.standardError.contains("frame 1")
                && codestream.standardError.contains("does not decode"), "\(codestream.standardError)")
        let missing = try LucidBinary.run(["render", folder + "/nope.dcm", "-o", folder + "/out.png"])
        #expect(missing.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("Colour renders as RGB: an 8-bit PNG equal to the reference, a 16-bit PNG, a JPEG")
    func colour() throws {
        let folder = try LucidBinary.temporaryFolder()
        let source = SampleCorpus.path("ot_ybr_full_422_uncompressed.dcm")
        let png = try LucidBinary.run(["render", source, "-o", folder + "/c.png"])
        #expect(png.status == 0, "\(png.standardError)")
        let rendered = try ReferencePNG(path: folder + "/c.png")
        let expected = try ReferencePNG(path: SampleCorpus.path("expected/ot_ybr_full_422_uncompressed.png"))
        #expect(rendered.channels == 3)
        let worst = zip(rendered.samples, expected.samples).map { abs(Int($0) - Int($1)) }.max() ?? 255
        #expect(worst <= 1)
        #expect(try LucidBinary.run(["render", source, "-o", folder + "/c16.png", "--depth", "16"]).status == 0)
        let wide = try #require(FileManager.default.contents(atPath: folder + "/c16.png"))
        #expect([UInt8](wide)[24] == 16 && [UInt8](wide)[25] == 2, "a 16-bit RGB PNG")
        #expect(try LucidBinary.run(["render", source, "-o", folder + "/c.jpg"]).status == 0)
        let jpeg = try JPEGCodec.decode([UInt8](try #require(FileManager.default.contents(atPath: folder + "/c.jpg"))))
        #expect(jpeg.components == 3)
    }

    @Test("Bad usage: status 2 and nothing written")
    func usage() throws {
        let folder = try LucidBinary.temporaryFolder()
        let source = SampleCorpus.path("mr_small_evrle.dcm")
        for arguments in [
            ["render", source, "-o", folder + "/x.tiff"],
            ["render", source, "-o", folder + "/x.png", "--window", "lungs"],
            ["render", source, "-o", folder + "/x.png", "--window", "40,0"],
            ["render", source, "-o", folder + "/x.jpg", "--depth", "16"],
            ["render", source, "-o", folder + "/x.jpg", "--quality", "0"],
            ["render", source, "-o", folder + "/x.png", "--function", "cubic"],
            ["render", source, "-o", folder + "/x.png", "--frame", "0"],
            ["render", source],
        ] {
            #expect(try LucidBinary.run(arguments).status == 2, "\(arguments)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("A frame or window the file does not have: status 1")
    func missingChoices() throws {
        let source = SampleCorpus.path("mr_small_evrle.dcm")
        let folder = try LucidBinary.temporaryFolder()
        let frame = try LucidBinary.run(["render", source, "-o", folder + "/x.png", "--frame", "2"])
        #expect(frame.status == 1 && frame.standardError.contains("frame 2 does not exist"))
        let window = try LucidBinary.run(["render", source, "-o", folder + "/x.png", "--window", "file:2"])
        #expect(window.status == 1 && window.standardError.contains("window 2 requested"))
    }

    @Test("--steps runs before the window, is recorded, and a bad spec points at the fault")
    func steps() throws {
        let folder = try LucidBinary.temporaryFolder()
        let source = SampleCorpus.path("cr_fuji_mono1_10bit.dcm")
        let recipe = "denoise:median:3 | clahe:clip=2,tiles=8x8 | unsharp:sigma=1.5,amount=0.6 | window:file"
        let result = try LucidBinary.run(["render", source, "-o", folder + "/cr.png", "--steps", recipe])
        #expect(result.status == 0, "\(result.standardError)")
        let decoded = try PNGCodec.decode(try contents(folder + "/cr.png"))
        #expect(decoded.text(forKeyword: "Steps") == recipe)
        let bad = try LucidBinary.run([
            "render", source, "-o", folder + "/x.png", "--steps", "median:3 | clahe:tiles=8",
        ])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("at character 24"))
        let both = try LucidBinary.run([
            "render", source, "-o", folder + "/x.png", "--steps", "median:3 | window:auto", "--window", "lung",
        ])
        #expect(both.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["cr.png"])
    }

    @Test("--png-compression small and fast write the same pixels; small is smaller; other values are refused")
    func pngCompression() throws {
        let folder = try LucidBinary.temporaryFolder()
        let source = SampleCorpus.path("mg_ge_sigmoid_3windows_jpegll.dcm")
        var sizes: [String: Int] = [:]
        var images: [String: PNGGrayImage] = [:]
        for choice in ["fast", "small"] {
            let output = folder + "/\(choice).png"
            let result = try LucidBinary.run(["render", source, "-o", output, "--png-compression", choice])
            #expect(result.status == 0, "\(result.standardError)")
            let bytes = try contents(output)
            sizes[choice] = bytes.count
            images[choice] = try PNGCodec.decode(bytes).image
        }
        #expect(images["fast"] == images["small"] && images["fast"] != nil)
        #expect((sizes["small"] ?? 0) < (sizes["fast"] ?? 0), "\(sizes)")
        let process = try LucidBinary.run([
            "process", source, "--out", folder + "/batch", "--png-compression", "small",
        ])
        #expect(process.status == 0, "\(process.standardError)")
        let batch = try contents(folder + "/batch/mg_ge_sigmoid_3windows_jpegll.dcm.png")
        #expect(try PNGCodec.decode(batch).image == images["small"] && batch.count == sizes["small"])
        let refused = try LucidBinary.run(["render", source, "-o", folder + "/x.png", "--png-compression", "max"])
        #expect(refused.status == 2 && refused.standardError.contains("--png-compression"), "\(refused.standardError)")
    }
}
