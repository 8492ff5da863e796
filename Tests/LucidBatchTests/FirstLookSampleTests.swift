import Foundation
import LucidBatch
import LucidDICOM
import LucidDose
import LucidRendering
import LucidTestSupport
import Testing

/// The first look on real images: the sample sets give exactly the pinned flags, and modified
/// copies (a share of pixels set to the largest stored value, a uniform frame) are flagged exactly
/// where expected.
@Suite struct FirstLookSampleTests {
    /// A processor without `--out`: every frame is decoded, looked at and rendered, nothing written.
    static let processor = FileProcessor(settings: ProcessSettings(recipe: .steps(StepsSpec(steps: [])), layout: nil))

    /// The flags of the file at `path`, as `kind` lists; the file must be processed.
    static func kinds(_ path: String) async throws -> [String] {
        let outcome = await processor.process(path)
        try #require(outcome.status == .ok, "\(path): \(outcome.error ?? "")")
        return outcome.flags.map(\.kind)
    }

    /// The sample sets' files flagged, each with its kinds: an all-zero MR frame (blank: it holds no
    /// image) and three display test patterns of IHE MESA / OFFIS whose squares and ramps reach
    /// the top of their range (saturated, truthfully). No clinical image is flagged.
    static let pinned: [String: [String]] = [
        "dicom-samples/mr_siemens_jpegll_window_width_0.dcm": ["blank"],
        "dicom-samples/ot_deflated_8bit.dcm": ["saturated"],
        "dicom-samples/ot_modality_lut_seq_mlut18.dcm": ["saturated"],
        "dicom-samples/ot_voi_lut_seq_vlut04.dcm": ["saturated"],
    ]

    @Test("the sample sets and SampleImages give exactly the pinned flags; every other image is clean")
    func sampleSets() async throws {
        var paths: [String] = []
        for (label, folder) in [
            ("dicom-samples", SampleCorpus.directory), ("dicom-codecs", SampleCorpus.codecsDirectory),
            ("SampleImages", SampleCorpus.packageRoot + "/SampleImages"),
        ] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".dcm") }
            paths += names.sorted().map { label + "/" + $0 + "\u{0}" + folder + "/" + $0 }
        }
        var flagged: [String: [String]] = [:]
        var looked = 0
        for entry in paths {
            let parts = entry.split(separator: "\u{0}").map(String.init)
            let outcome = await Self.processor.process(parts[1])
            guard outcome.status == .ok else { continue }
            looked += 1
            if !outcome.flags.isEmpty { flagged[parts[0]] = outcome.flags.map(\.kind) }
        }
        #expect(paths.count == 111)
        #expect(looked == 103)
        #expect(flagged == Self.pinned)
    }

    /// A copy of sample `name` as `folder/copy`, changed by `change` (`ModifiedSample.write`).
    static func modified(
        _ name: String, in folder: String, as copy: String, columns: Int, rows: Int,
        _ change: (_ set: (Int, Int, Int, Int) -> Void) -> Void
    ) throws -> String {
        try ModifiedSample.write(
            SampleCorpus.path(name), to: folder + "/" + copy, columns: columns, rows: rows, change)
    }

    @Test(
        "a MONOCHROME1 CR: 2 % set to 1023 inside is saturated (so is its MONOCHROME2 twin), 0.5 % is not, a uniform copy is blank"
    )
    func monochrome1() async throws {
        let folder = try LucidBinary.temporaryFolder()
        func square(_ side: Int, _ copy: String) throws -> String {
            try Self.modified("cr_fuji_mono1_10bit.dcm", in: folder, as: copy, columns: 440, rows: 440) { set in
                for y in 200..<(200 + side) { for x in 200..<(200 + side) { set(x, y, 0, 1023) } }
            }
        }
        let saturated = await Self.processor.process(try square(63, "saturated.dcm"))
        let flag = try #require(saturated.flags.first)
        #expect(saturated.status == .ok && saturated.flags.count == 1)
        #expect(flag.kind == "saturated" && flag.severity == .warning)
        #expect(flag.details["value"] == .number(1023) && flag.details["share"] == .number(0.0205))
        #expect(try await Self.kinds(try square(31, "below.dcm")) == [])
        // The same stored values shown as MONOCHROME2: the same flag (the top of the stored range is
        // where the values clip, however they are shown).
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: folder + "/saturated.dcm")))
        let name = Array("MONOCHROME1".utf8)
        let at = try #require((0...(bytes.count - name.count)).first { Array(bytes[$0..<($0 + name.count)]) == name })
        bytes[at + name.count - 1] = UInt8(ascii: "2")
        #expect(FileManager.default.createFile(atPath: folder + "/mono2.dcm", contents: Data(bytes)))
        #expect(try !DICOMImage(path: folder + "/mono2.dcm").pixel.isMonochrome1)
        #expect((await Self.processor.process(folder + "/mono2.dcm")).flags == saturated.flags)
        let uniform = try Self.modified(
            "cr_fuji_mono1_10bit.dcm", in: folder, as: "uniform.dcm", columns: 440, rows: 440
        ) {
            set in for y in 0..<440 { for x in 0..<440 { set(x, y, 0, 512) } }
        }
        let blank = await Self.processor.process(uniform)
        #expect(blank.flags.map(\.kind) == ["blank"] && blank.flags.first?.severity == .alert)
        #expect(blank.flags.first?.message == "no signal: 99 % of the in-field pixels within 1 grey level(s) (frame 1)")
    }

    @Test("a signed MR with padding 0: 2.4 % at 32767 is saturated; a CT with metal at its top is not")
    func signedAndCT() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let mr = try Self.modified("mr_ge_ivrle_window.dcm", in: folder, as: "mr.dcm", columns: 256, rows: 256) { set in
            for y in 100..<140 { for x in 100..<140 { set(x, y, 0, 32767) } }
        }
        let outcome = await Self.processor.process(mr)
        #expect(outcome.flags.map(\.kind) == ["saturated"])
        #expect(outcome.flags.first?.details["value"] == .number(32767))
        let ct = try Self.modified("ct_nema_ct1_evrle.dcm", in: folder, as: "ct.dcm", columns: 512, rows: 512) { set in
            for y in 200..<260 { for x in 200..<260 { set(x, y, 0, 32767) } }
        }
        #expect(try await Self.kinds(ct) == [])
        let flat = try Self.modified("ct_nema_ct1_evrle.dcm", in: folder, as: "flat.dcm", columns: 512, rows: 512) {
            set in for y in 0..<512 { for x in 0..<512 { set(x, y, 0, 24) } }
        }
        #expect(try await Self.kinds(flat) == ["blank"])
    }

    @Test("a multi-frame MR: a uniform third frame is blank, named; two saturated frames count as two")
    func multiFrame() async throws {
        let folder = try LucidBinary.temporaryFolder()
        let name = "mr_bruker_enhanced_4frame_signed.dcm"
        let path = try Self.modified(name, in: folder, as: "frames.dcm", columns: 256, rows: 128) { set in
            for y in 0..<128 { for x in 0..<256 { set(x, y, 2, 7) } }
            for frame in [1, 3] { for y in 50..<70 { for x in 100..<140 { set(x, y, frame, 32767) } } }
        }
        let outcome = await Self.processor.process(path)
        #expect(outcome.flags.map(\.kind) == ["saturated", "blank"])
        #expect(
            outcome.flags.first?.details["frame"] == .number(2) && outcome.flags.first?.details["frames"] == .number(2))
        #expect(
            outcome.flags.last?.message == "no signal: 99 % of the in-field pixels within 1 grey level(s) (frame 3)")
    }
}
