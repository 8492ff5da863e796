import Foundation
import LucidTestSupport
import Testing

/// Opens a page in headless Chromium (Debian's `chromium`), as a person's browser would.
///
/// `check` loads a copy of the page with one inline script added right after its
/// Content-Security-Policy, allowed by its SHA-256 (CSP Level 3 §8.3, hash sources), the page's own
/// policy otherwise kept, so the images are still only `data:` ones. The script counts the policy's
/// violations (`securitypolicyviolation` events: anything the page tries to load or run beyond its
/// `data:` images and inline style) from the start and, once the page has loaded, how many of
/// `document.images` decode (`decode()`, HTML Living Standard §4.8.4.3.4) to a natural size equal to
/// their `width` and `height` attributes, and the rows of files done (`tr.ok`) and failed
/// (`tr.failed`) in the DOM the browser built; it writes the counts into `<pre id="check">`, which
/// `--dump-dom` prints.
enum HeadlessChromium {
    struct Check: Equatable {
        var images: Int
        var loaded: Int
        var okRows: Int
        var failedRows: Int
        var violations: Int
    }

    /// The browser's path; records an issue (never a silent pass) when it is not installed.
    static func find(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let path = ExternalTool.find("chromium")
        guard
            ExternalTool.require(
                path != nil, tool: "chromium (headless)", install: "Install it: apt-get install -y chromium",
                sourceLocation: sourceLocation)
        else { return nil }
        return path
    }

    static let script = """
        (function(){var violations=0;document.addEventListener('securitypolicyviolation',function(){violations+=1;});\
        window.addEventListener('load',function(){var images=Array.prototype.slice.call(document.images);\
        Promise.all(images.map(function(i){return i.decode().then(function(){return i.naturalWidth>0&&\
        i.naturalWidth==i.getAttribute('width')&&i.naturalHeight==i.getAttribute('height');},\
        function(){return false;});})).then(function(loaded){var pre=document.createElement('pre');pre.id='check';\
        pre.textContent='images '+images.length+' loaded '+loaded.filter(Boolean).length+' ok '+\
        document.querySelectorAll('tr.ok').length+' failed '+document.querySelectorAll('tr.failed').length+\
        ' violations '+violations;document.body.appendChild(pre);});});})();
        """

    /// The counts of the page at `path` (see the type's comment).
    static func check(_ browser: String, page path: String) throws -> Check? {
        var html = try String(contentsOfFile: path, encoding: .utf8)
        let digest = SHA256.hex(Array(script.utf8))
        let bytes = stride(from: 0, to: digest.count, by: 2).compactMap { offset -> UInt8? in
            let start = digest.index(digest.startIndex, offsetBy: offset)
            return UInt8(digest[start..<digest.index(start, offsetBy: 2)], radix: 16)
        }
        let policy = "style-src 'unsafe-inline'\">"
        #expect(html.components(separatedBy: policy).count == 2, "the page's policy is where the check expects it")
        html = html.replacingOccurrences(
            of: policy,
            with: "style-src 'unsafe-inline'; script-src 'sha256-\(Data(bytes).base64EncodedString())'\">"
                + "<script>\(script)</script>")
        let copy = (path as NSString).deletingLastPathComponent + "/check-" + (path as NSString).lastPathComponent
        try html.write(toFile: copy, atomically: true, encoding: .utf8)
        let pattern = /<pre id="check">images (\d+) loaded (\d+) ok (\d+) failed (\d+) violations (\d+)<\/pre>/
        // On a loaded machine the page's time budget can end before the images have decoded and the
        // script has written its counts: such a load is tried again, up to three times in all.
        var dom = ""
        for _ in 0..<3 {
            dom = try run(browser, ["--dump-dom", URL(fileURLWithPath: copy).absoluteString])
            if dom.firstMatch(of: pattern) != nil { break }
        }
        guard let match = dom.firstMatch(of: pattern), let images = Int(match.output.1),
            let loaded = Int(match.output.2), let ok = Int(match.output.3), let failed = Int(match.output.4),
            let violations = Int(match.output.5)
        else {
            Issue.record("no check in the page Chromium loaded:\n\(dom.suffix(2000))")
            return nil
        }
        return Check(images: images, loaded: loaded, okRows: ok, failedRows: failed, violations: violations)
    }

    /// A 1280 x 2000 screenshot of the page at `path`, as PNG, at `screenshot`.
    static func screenshot(_ browser: String, page path: String, to screenshot: String) throws {
        _ = try run(
            browser,
            ["--screenshot=\(screenshot)", "--window-size=1280,2000", URL(fileURLWithPath: path).absoluteString])
    }

    /// The thumbnails of a report page: its `data:` PNG images, decoded, in page order.
    static func thumbnails(in html: String) throws -> [ReferencePNG] {
        let folder = try LucidBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try html.matches(of: /data:image\/png;base64,([A-Za-z0-9+\/=]+)/).enumerated().map { index, match in
            let bytes = try #require(Data(base64Encoded: String(match.output.1)))
            let path = folder + "/\(index).png"
            try bytes.write(to: URL(fileURLWithPath: path))
            return try ReferencePNG(path: path)
        }
    }

    /// A top-left corner in a screenshot, in pixels.
    struct Place: Hashable {
        var x: Int
        var y: Int
    }

    /// The first top-left corner, other than those `notAt`, where `thumbnail` (grey or RGB) appears
    /// whole in the RGB `screenshot`, each sample within 2 of the thumbnail's; nil when there is none.
    static func place(of thumbnail: ReferencePNG, in screenshot: ReferencePNG, notAt taken: [Place] = []) -> Place? {
        guard screenshot.channels == 3, thumbnail.width <= screenshot.width, thumbnail.height <= screenshot.height
        else { return nil }
        func matches(_ x: Int, _ y: Int, row: Int) -> Bool {
            for column in 0..<thumbnail.width {
                for channel in 0..<3 {
                    let expected = thumbnail.samples[
                        (row * thumbnail.width + column) * thumbnail.channels + min(channel, thumbnail.channels - 1)]
                    let shown = screenshot.samples[((y + row) * screenshot.width + x + column) * 3 + channel]
                    if abs(Int(expected) - Int(shown)) > 2 { return false }
                }
            }
            return true
        }
        let middle = thumbnail.height / 2
        for y in 0...(screenshot.height - thumbnail.height) {
            for x in 0...(screenshot.width - thumbnail.width)
            where matches(x, y, row: middle) && !taken.contains(Place(x: x, y: y)) {
                if (0..<thumbnail.height).allSatisfy({ matches(x, y, row: $0) }) { return Place(x: x, y: y) }
            }
        }
        return nil
    }

    /// Runs the browser headless, in a profile of its own, for at most 5 s of page time.
    private static func run(_ browser: String, _ arguments: [String]) throws -> String {
        let profile = try LucidBinary.temporaryFolder()
        let result = try ExternalTool.run(
            browser,
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
                "--user-data-dir=\(profile)",
            ] + arguments)
        #expect(result.status == 0, "\(result.standardError.suffix(2000))")
        return result.standardOutput
    }
}
