import Foundation
import LucidTestSupport
import Testing

/// `lucid process --report FILE`: the page written at the end of the run, opened in a real browser.
@Suite struct ReportCommandTests {
    /// A CT, an MR, a colour US and a truncated MR, processed with `--report`; the fixture and the
    /// report's path.
    static func processed(_ extra: [String] = ["--out"]) throws -> (ProcessFixture, String) {
        let fixture = try ProcessFixture()
        try fixture.copy("ct_nema_ct1_evrle.dcm", to: "ct.dcm")
        try fixture.copy("mr_small_evrle.dcm", to: "mr.dcm")
        try fixture.copy("us_rgb_evrle.dcm", to: "us.dcm")
        try fixture.copy("mr_small_truncated_pixeldata.dcm", to: "cut.dcm")
        let report = fixture.folder + "/report.html"
        let target = extra == ["--archive"] ? fixture.folder + "/archive" : fixture.output
        let result = try LucidBinary.run(["process", fixture.input] + extra + [target, "--report", report])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("lucid: report \(report)\n"))
        return (fixture, report)
    }

    @Test("The report lists every file: thumbnails for the three done, the truncated one failed with its reason")
    func page() throws {
        let (fixture, report) = try Self.processed()
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.components(separatedBy: "<img src=\"data:image/png;base64,").count == 7)
        #expect(html.components(separatedBy: "<tr class=\"ok\">").count == 4)
        #expect(
            html.contains(
                "<tr class=\"failed\"><td colspan=\"2\" class=\"status\">failed</td><td><div class=\"path\">"
                    + "\(fixture.input)/cut.dcm</div>"))
        #expect(html.contains("<p class=\"run\">4 files: 3 ok, 1 failed, 0 skipped · generated "))
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/ct.dcm.png"))
        let manifest = try String(
            contentsOfFile: fixture.output + "/" + (try #require(ProcessFixture.manifests(in: fixture.output).first)),
            encoding: .utf8)
        #expect(!manifest.contains("base64"))
        let withoutData = html.replacing(/data:image\/png;base64,[A-Za-z0-9+\/=]*/, with: "DATA")
        for address in ["http:", "https:", "//", "url(", "<script", "<link"] {
            #expect(!withoutData.lowercased().contains(address.lowercased()), "\(address)")
        }
        #expect(withoutData.components(separatedBy: "<img src=\"DATA\" ").count == 7)
        #expect(withoutData.components(separatedBy: "src=").count == 7)
        #expect(!withoutData.contains("href="))
    }

    @Test(
        "Chromium: 3 rows done, 1 failed, every thumbnail decoded at its size and shown pixel for pixel, no violation")
    func browser() throws {
        guard let browser = HeadlessChromium.find() else { return }
        let (fixture, report) = try Self.processed()
        let check = try HeadlessChromium.check(browser, page: report)
        #expect(check == HeadlessChromium.Check(images: 6, loaded: 6, okRows: 3, failedRows: 1, violations: 0))
        let screenshot = fixture.folder + "/screenshot.png"
        try HeadlessChromium.screenshot(browser, page: report, to: screenshot)
        let image = try ReferencePNG(path: screenshot)
        #expect(image.width == 1280 && image.height == 2000)
        let thumbnails = try HeadlessChromium.thumbnails(in: String(contentsOfFile: report, encoding: .utf8))
        #expect(thumbnails.count == 6)
        var places: [HeadlessChromium.Place] = []
        for thumbnail in thumbnails {
            let place = HeadlessChromium.place(of: thumbnail, in: image, notAt: places)
            #expect(place != nil, "a \(thumbnail.width) x \(thumbnail.height) thumbnail is not in the screenshot")
            if let place { places.append(place) }
        }
        #expect(Set(places.map(\.y)).count == 3, "three rows of two thumbnails: \(places)")
    }

    @Test("The browser check fails for a thumbnail whose PNG is broken, and for anything beyond the page's policy")
    func brokenThumbnail() throws {
        guard let browser = HeadlessChromium.find() else { return }
        let (_, report) = try Self.processed()
        let html = try String(contentsOfFile: report, encoding: .utf8)
        let signature = "data:image/png;base64,iVBORw0KGgo"
        let range = try #require(html.range(of: signature))
        let broken = html.replacingCharacters(in: range, with: "data:image/png;base64,AAAAAAAAAAA")
        try broken.write(toFile: report, atomically: true, encoding: .utf8)
        let check = try HeadlessChromium.check(browser, page: report)
        #expect(check == HeadlessChromium.Check(images: 6, loaded: 5, okRows: 3, failedRows: 1, violations: 0))

        let outside = html.replacingOccurrences(
            of: "</table>",
            with: "</table><img src=\"https://example.invalid/x.png\" width=\"1\" height=\"1\"><script>x=1</script>")
        try outside.write(toFile: report, atomically: true, encoding: .utf8)
        let blocked = try HeadlessChromium.check(browser, page: report)
        #expect(blocked == HeadlessChromium.Check(images: 7, loaded: 6, okRows: 3, failedRows: 1, violations: 2))

        let lost = html.replacingOccurrences(of: "<tr class=\"failed\">", with: "<tr class=\"gone\">")
        try lost.write(toFile: report, atomically: true, encoding: .utf8)
        let rows = try HeadlessChromium.check(browser, page: report)
        #expect(rows == HeadlessChromium.Check(images: 6, loaded: 6, okRows: 3, failedRows: 0, violations: 0))
    }

    @Test("With --archive alone the report has the same rows")
    func archiveOnly() throws {
        let (_, report) = try Self.processed(["--archive"])
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.components(separatedBy: "<img src=\"data:image/png;base64,").count == 7)
        #expect(html.components(separatedBy: "<tr class=\"failed\">").count == 2)
    }

    @Test("A report in a folder that does not exist yet: the folder is made, the report written")
    func newFolder() throws {
        let fixture = try ProcessFixture()
        try fixture.copy("mr_small_evrle.dcm", to: "mr.dcm")
        let report = fixture.folder + "/reports/today/report.html"
        let result = try LucidBinary.run(["process", fixture.input, "--out", fixture.output, "--report", report])
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.components(separatedBy: "<img src=\"data:image/png;base64,").count == 3)
    }

    @Test("An input file is never overwritten: --report naming one is refused before anything is done")
    func refusesInput() throws {
        let fixture = try ProcessFixture()
        try fixture.copy("ct_nema_ct1_evrle.dcm", to: "ct.dcm")
        let input = fixture.input + "/ct.dcm"
        let before = FileManager.default.contents(atPath: input)
        let result = try LucidBinary.run(["process", fixture.input, "--out", fixture.output, "--report", input])
        #expect(result.status == 2)
        #expect(
            result.standardError.contains("--report: \(input) exists and is not a Lucid report: it is never replaced"))
        #expect(FileManager.default.contents(atPath: input) == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.output))
    }

    @Test("A report that cannot be written: a clear message, exit status 1, the renditions written")
    func unwritable() throws {
        let fixture = try ProcessFixture()
        try fixture.copy("ct_nema_ct1_evrle.dcm", to: "ct.dcm")
        #expect(FileManager.default.createFile(atPath: fixture.folder + "/plain", contents: Data("x".utf8)))
        let report = fixture.folder + "/plain/report.html"
        let result = try LucidBinary.run(["process", fixture.input, "--out", fixture.output, "--report", report])
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "lucid: could not write the report \(report): create the folder \(fixture.folder)/plain/ failed: "),
            "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/ct.dcm.png"))
        #expect(ProcessFixture.manifests(in: fixture.output).count == 1)
    }

    @Test("Ctrl-C: the report lists the files done, with a note that the run was interrupted")
    func interrupted() throws {
        let fixture = try ProcessFixture()
        for index in 0..<40 { try fixture.copy("ct_nema_ct1_evrle.dcm", to: "copy\(index).dcm") }
        let report = fixture.folder + "/report.html"
        let (process, received) = try ProcessFixture.interruptedAfterFirstLine([
            "process", fixture.input, "--out", fixture.output, "--json", "--jobs", "1", "--report", report,
        ])
        #expect(process.terminationStatus == 130)
        let summary = try #require(ProcessFixture.jsonLines(received).last?["summary"] as? [String: Any])
        let files = try #require(summary["files"] as? Int)
        #expect(files >= 1 && files < 40)
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(
            html.contains("<p class=\"note\">The run was interrupted: the files it did not finish are not listed.</p>"))
        #expect(html.components(separatedBy: "<tr class=\"ok\">").count == files + 1)
    }
}
