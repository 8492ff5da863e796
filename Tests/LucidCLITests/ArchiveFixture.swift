import Foundation
import LucidArchive
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Inputs and helpers for the `lucid process --archive` tests: corpus files copied into a fresh
/// temporary folder, a truncated DICOM, a text file, and DICOM files written with chosen headers.
struct ArchiveFixture {
    let base: ProcessFixture
    var input: String { base.input }
    var archive: String { base.folder + "/archive" }

    /// The good corpus files (distinct SOP Instance UIDs) and where they are copied.
    static let good = [
        ("ct_ge_ivrle_window.dcm", "ct/ct.dcm"), ("cr_fuji_mono1_10bit.dcm", "cr/chest.dcm"),
        ("mr_small_evrle.dcm", "mr/image.dcm"), ("ct_enhanced_2frame_rle.dcm", "ct/enhanced.dcm"),
    ]

    init(bad: Bool = true) throws {
        base = try ProcessFixture()
        for (name, relative) in Self.good { try base.copy(name, to: relative) }
        try write(patientID: "../../etc", sopInstanceUID: DICOMUID.generate(), to: "hostile/etc.dcm")
        try write(patientID: "/tmp/absolute", sopInstanceUID: DICOMUID.generate(), to: "hostile/absolute.dcm")
        if bad {
            try base.copy("mr_small_truncated_pixeldata.dcm", to: "bad/cut.dcm")
            try base.write(Array("not an image\n".utf8), to: "notes.txt")
        }
    }

    /// Writes a valid DICOM file made from `ct_nema_ct1_evrle.dcm` with the given Patient ID and
    /// SOP Instance UID (through the derived-image writer, so every other attribute is coherent).
    func write(patientID: String, sopInstanceUID: String, to relative: String) throws {
        let bytes = try Self.dicom(patientID: patientID, sopInstanceUID: sopInstanceUID)
        let destination = input + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: destination, contents: Data(bytes)))
    }

    static func dicom(patientID: String, sopInstanceUID: String, patientName: String? = nil) throws -> [UInt8] {
        try SyntheticCT.bytes(patientID: patientID, sopInstanceUID: sopInstanceUID, patientName: patientName)
    }

    /// Runs `lucid process INPUT --archive A --json` plus `extra`.
    func process(_ extra: [String] = []) throws -> (LucidBinary.Result, [[String: Any]]) {
        let result = try LucidBinary.run(["process", input, "--archive", archive, "--json"] + extra)
        return (result, ProcessFixture.jsonLines(result.standardOutput))
    }

    /// Every file of the archive tree except the index and the run manifests, relative, with its inode
    /// and modification time.
    func snapshot() throws -> [String: String] {
        var stamps: [String: String] = [:]
        for file in ProcessFixture.files(under: archive)
        where !file.hasPrefix("index.sqlite") && !file.hasPrefix(Archive.runsFolder + "/") {
            let attributes = try FileManager.default.attributesOfItem(atPath: archive + "/" + file)
            let inode = attributes[.systemFileNumber] as? NSNumber
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970
            stamps[file] = "\(inode?.stringValue ?? "?") \(modified.map { String($0) } ?? "?")"
        }
        return stamps
    }
}
