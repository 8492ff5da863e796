import Foundation
import LucidBatch
import LucidDose
import LucidFiles
import LucidTestSupport
import Testing

/// The batch report page built from hand-made rows: escaping, flags, failed and skipped rows, study
/// grouping and totals, and a page that names no address.
@Suite struct BatchReportPageTests {
    static let ct = ReportIdentity(
        patientName: "DOE^JANE", patientID: "P1", studyInstanceUID: "1.2.3", studyDate: "20240131",
        studyDescription: "CT THORAX", seriesNumber: "2", seriesDescription: "Lung 1mm", modality: "CT")

    /// The page `rows` make, with `studyDose` and `note`.
    static func page(
        _ rows: [ReportRow], studyDose: [String: [ReportDose]] = [:], note: String? = nil
    ) throws -> String {
        let path = try LucidBinary.temporaryFolder() + "/report.html"
        let report = BatchReport(path: path, studyDose: studyDose)
        for row in rows { report.add(row) }
        try report.write(generated: "generated at noon", note: note)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("A patient name holding markup, quotes, a control character and a non-UTF-8 byte is shown as text")
    func escaping() throws {
        var identity = Self.ct
        identity.patientName = "<script>alert('x')</script>&\"Q\"\u{1B}[2J"
        let path = "/in/" + FileSystemName.string([0x6C, 0x61, 0xE9]) + "<b>.dcm"
        let html = try Self.page([ReportRow(path: path, status: .ok, identity: identity)])
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(
            html.contains(
                "<div>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;Q&quot;\\x1b[2J (ID P1)</div>"))
        #expect(html.contains("<div class=\"path\">/in/la\\xe9&lt;b&gt;.dcm</div>"))
    }

    @Test("Flags are listed most severe first, each with its severity as class and word")
    func flags() throws {
        let flags = [
            Flag(kind: "deviation-index", severity: .warning, message: "DI +1.5 is above +1"),
            Flag(kind: "saturated", severity: .alert, message: "12% of the image at the detector's top <4095>"),
        ]
        let html = try Self.page([ReportRow(path: "a.dcm", status: .ok, identity: Self.ct, flags: flags)])
        #expect(
            html.contains(
                "<td><ul class=\"flags\"><li class=\"flag alert\"><b>alert</b> <span class=\"kind\">saturated</span> "
                    + "12% of the image at the detector&#39;s top &lt;4095&gt;</li><li class=\"flag warning\">"
                    + "<b>warning</b> <span class=\"kind\">deviation-index</span> DI +1.5 is above +1</li></ul></td>"))
        #expect(html.contains("· 1 file, 1 alert, 1 warning</th>"))
    }

    @Test("An image's dose figures are listed in its row; a figure above its reference level stands out")
    func rowDose() throws {
        let dose = [
            ReportDose(label: "DAP", quantity: DoseQuantity(value: 0.125, unit: "Gy.m2")),
            ReportDose(
                label: "CTDIvol", quantity: DoseQuantity(value: 21.5, unit: "mGy"),
                referenceLevel: DoseQuantity(value: 15, unit: "mGy"), referenceSource: "FANC <2024>"),
        ]
        let html = try Self.page([ReportRow(path: "a.dcm", status: .ok, identity: Self.ct, dose: dose)])
        #expect(
            html.contains(
                "<td><ul class=\"dose\"><li>DAP 0.125 Gy.m2</li><li class=\"over\">CTDIvol 21.5 mGy — above "
                    + "reference level 15 mGy (FANC &lt;2024&gt;)</li></ul></td></tr>"))
        let without = try Self.page([ReportRow(path: "a.dcm", status: .ok, identity: Self.ct)])
        #expect(!without.contains("<ul class=\"dose\">"))
        #expect(!without.contains("mGy"))
    }

    @Test("An image's facts: patient, study, series; a line whose values are all absent is left out")
    func facts() throws {
        let full = try Self.page([ReportRow(path: "a.dcm", status: .ok, identity: Self.ct)])
        #expect(
            full.contains(
                "<td><div class=\"path\">a.dcm</div><div>DOE JANE (ID P1)</div><div>Study 2024-01-31 · CT THORAX</div>"
                    + "<div>Series 2 · Lung 1mm · CT</div></td>"))
        let bare = try Self.page([ReportRow(path: "b.dcm", status: .ok, identity: ReportIdentity(patientName: "X"))])
        #expect(bare.contains("<td><div class=\"path\">b.dcm</div><div>X</div></td>"))
    }

    @Test("Failed and skipped files are listed with their reason and no thumbnail")
    func failedAndSkipped() throws {
        let thumbnail = ReportThumbnail(png: [1, 2, 3], width: 1, height: 1)
        let rows = [
            ReportRow(
                path: "bad.dcm", status: .failed, reason: "truncated pixel data", identity: Self.ct,
                thumbnails: ReportThumbnails(frame: 1, before: thumbnail, after: thumbnail)),
            ReportRow(path: "notes.txt", status: .skipped, reason: "not DICOM"),
        ]
        let html = try Self.page(rows)
        #expect(!html.contains("<img"))
        #expect(
            html.contains(
                "<tr class=\"failed\"><td colspan=\"2\" class=\"status\">failed</td><td><div class=\"path\">bad.dcm"))
        #expect(html.contains("<td class=\"reason\">truncated pixel data</td>"))
        #expect(
            html.contains(
                "<tr class=\"skipped\"><td colspan=\"2\" class=\"status\">skipped</td><td><div class=\"path\">"
                    + "notes.txt</div></td><td class=\"reason\">not DICOM</td>"))
        #expect(html.contains("<p class=\"run\">2 files: 0 ok, 1 failed, 1 skipped · generated at noon</p>"))
    }

    @Test("Rows are grouped by study, in series then path order; each study's header has its counts and dose totals")
    func studies() throws {
        var mr = Self.ct
        mr.studyInstanceUID = "9.8.7"
        mr.patientName = "ROE^RICHARD"
        mr.studyDescription = "MR KNEE"
        var series1 = Self.ct
        series1.seriesNumber = "1"
        let rows = [
            ReportRow(path: "ct/b.dcm", status: .ok, identity: Self.ct),
            ReportRow(path: "mr/a.dcm", status: .ok, identity: mr),
            ReportRow(path: "notes.txt", status: .skipped, reason: "not DICOM"),
            ReportRow(path: "ct/a.dcm", status: .failed, reason: "cut short", identity: Self.ct),
            ReportRow(path: "ct/z.dcm", status: .ok, identity: series1),
        ]
        let dose = [
            "1.2.3": [
                ReportDose(
                    label: "DLP total", quantity: DoseQuantity(value: 1200, unit: "mGy.cm"),
                    referenceLevel: DoseQuantity(value: 1000, unit: "mGy.cm"), referenceSource: "FANC 2024"),
                ReportDose(
                    label: "CTDIvol", quantity: DoseQuantity(value: 8.5, unit: "mGy"),
                    referenceLevel: DoseQuantity(value: 10, unit: "mGy"), referenceSource: "FANC 2024"),
            ]
        ]
        let html = try Self.page(rows, studyDose: dose)
        let ctHeader =
            "<tbody class=\"study\"><tr class=\"study-head\"><th colspan=\"6\"><span class=\"patient\">DOE JANE</span>"
            + " · ID P1 · 2024-01-31 · CT THORAX · 3 files, 1 failed<ul class=\"dose\"><li class=\"over\">DLP total "
            + "1200 mGy.cm — above reference level 1000 mGy.cm (FANC 2024)</li><li>CTDIvol 8.5 mGy — reference level "
            + "10 mGy (FANC 2024)</li></ul></th></tr>\n"
        let mrHeader =
            "<tbody class=\"study\"><tr class=\"study-head\"><th colspan=\"6\"><span class=\"patient\">ROE RICHARD"
            + "</span> · ID P1 · 2024-01-31 · MR KNEE · 1 file</th></tr>\n"
        let noStudy = "<th colspan=\"6\">Files without a study · 1 file, 1 skipped</th></tr>\n"
        let order = [ctHeader, "ct/z.dcm", "ct/a.dcm", "ct/b.dcm", mrHeader, "mr/a.dcm", noStudy, "notes.txt"]
        let positions = try order.map { try #require(html.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
        #expect(html.components(separatedBy: "<tbody class=\"study\">").count == 4)
    }

    @Test("The page names no address: its policy forbids every fetch, and no http:, https: or // appears")
    func noAddress() throws {
        let thumbnail = ReportThumbnail(png: Array(repeating: 0xFF, count: 300), width: 4, height: 3)
        let html = try Self.page(
            [
                ReportRow(
                    path: "a.dcm", status: .ok, identity: Self.ct,
                    thumbnails: ReportThumbnails(frame: 1, before: thumbnail, after: thumbnail))
            ], note: "The run was interrupted.")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<!-- lucid batch report -->\n"))
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                    + "style-src 'unsafe-inline'\">"))
        #expect(html.contains("<p class=\"note\">The run was interrupted.</p>"))
        let withoutData = html.replacing(/data:image\/png;base64,[A-Za-z0-9+\/=]*/, with: "DATA")
        #expect(withoutData.components(separatedBy: "DATA").count == 3)
        for address in ["http:", "https:", "//", "url(", "<script", "<link", "@import"] {
            #expect(!withoutData.lowercased().contains(address), "\(address)")
        }
        #expect(html.contains("width=\"4\" height=\"3\" alt=\"before\">"))
    }

    @Test("Past the thumbnail limit, files done are listed without thumbnails and the page says how many")
    func thumbnailLimit() throws {
        let thumbnail = ReportThumbnail(png: [0x89, 0x50], width: 2, height: 2)
        let path = try LucidBinary.temporaryFolder() + "/report.html"
        let report = BatchReport(path: path, thumbnailLimit: 2)
        for name in ["a", "b", "c"] {
            report.add(
                ReportRow(
                    path: name, status: .ok, thumbnails: ReportThumbnails(frame: 1, before: thumbnail, after: thumbnail)
                ))
        }
        try report.write(generated: "now")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.components(separatedBy: "<img ").count == 5)
        #expect(
            html.contains(
                "<p class=\"note\">Thumbnails are shown for the first 2 files done; 1 more file listed without.</p>"))
        #expect(
            html.contains("<tr class=\"ok\"><td colspan=\"2\" class=\"status\">ok</td><td><div class=\"path\">c</div>"))
    }

    @Test("The spool is never visible in the report's folder; after the write only the report is there")
    func nothingLeft() throws {
        let folder = try LucidBinary.temporaryFolder()
        let report = BatchReport(path: folder + "/report.html")
        for index in 0..<500 { report.add(ReportRow(path: "file\(index).dcm", status: .ok, identity: Self.ct)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
        try report.write(generated: "now")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.html"])
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.components(separatedBy: "<tr class=\"ok\">").count == 501)
        #expect(html.contains("<div class=\"path\">file499.dcm</div>"))
    }

    @Test("An existing file other than a Lucid report, or a folder, is refused as the report path")
    func refusal() throws {
        let folder = try LucidBinary.temporaryFolder()
        #expect(BatchReport.refusal(of: folder + "/new.html") == nil)
        #expect(BatchReport.refusal(of: folder) == "\(folder) is a folder")
        let input = folder + "/image.dcm"
        #expect(FileManager.default.createFile(atPath: input, contents: Data("DICM".utf8)))
        #expect(BatchReport.refusal(of: input) == "\(input) exists and is not a Lucid report: it is never replaced")
        let earlier = folder + "/report.html"
        let report = BatchReport(path: earlier)
        try report.write(generated: "earlier")
        #expect(BatchReport.refusal(of: earlier) == nil)
    }

    @Test("A report that cannot be written says where and why")
    func writeError() throws {
        let folder = try LucidBinary.temporaryFolder()
        #expect(FileManager.default.createFile(atPath: folder + "/plain", contents: Data("x".utf8)))
        let path = folder + "/plain/report.html"
        let report = BatchReport(path: path)
        report.add(ReportRow(path: "a.dcm", status: .ok))
        #expect(throws: ReportWriteError.self) { try report.write(generated: "now") }
        do {
            try report.write(generated: "now")
        } catch {
            #expect(error.path == path)
            #expect(error.operation == "create the folder \(folder)/plain/", "\(error)")
        }
    }
}
