import Foundation
import LucidTestSupport
import Testing

/// Opens a page in headless Chromium (Debian's `chromium`), as a person's browser would.
///
/// `check` loads a copy of the page with one inline script added, allowed by its SHA-256 in the
/// copy's Content-Security-Policy (CSP Level 3 §8.3, hash sources), the page's own policy otherwise
/// kept, so the images are still only `data:` ones. The script counts script errors (`window.onerror`)
/// from the start and, once the page has loaded, how many of `document.images` decode (`decode()`,
/// HTML Living Standard §4.8.4.3.4) with a natural width above 0, and writes the counts into
/// `<pre id="check">`, which `--dump-dom` prints.
enum HeadlessChromium {
    struct Check: Equatable {
        var images: Int
        var loaded: Int
        var errors: Int
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
        (function(){var errors=0;window.onerror=function(){errors+=1;};\
        window.addEventListener('load',function(){var images=Array.prototype.slice.call(document.images);\
        Promise.all(images.map(function(i){return i.decode().then(function(){return i.naturalWidth>0;},\
        function(){return false;});})).then(function(loaded){var pre=document.createElement('pre');pre.id='check';\
        pre.textContent='images '+images.length+' loaded '+loaded.filter(Boolean).length+' errors '+errors;\
        document.body.appendChild(pre);});});})();
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
        html = html.replacingOccurrences(
            of: policy, with: "style-src 'unsafe-inline'; script-src 'sha256-\(Data(bytes).base64EncodedString())'\">")
        html = html.replacingOccurrences(of: "</body>", with: "<script>\(script)</script>\n</body>")
        let copy = (path as NSString).deletingLastPathComponent + "/check-" + (path as NSString).lastPathComponent
        try html.write(toFile: copy, atomically: true, encoding: .utf8)
        let dom = try run(browser, ["--dump-dom", URL(fileURLWithPath: copy).absoluteString])
        guard let match = dom.firstMatch(of: /<pre id="check">images (\d+) loaded (\d+) errors (\d+)<\/pre>/),
            let images = Int(match.output.1), let loaded = Int(match.output.2), let errors = Int(match.output.3)
        else {
            Issue.record("no check in the page Chromium loaded:\n\(dom.suffix(2000))")
            return nil
        }
        return Check(images: images, loaded: loaded, errors: errors)
    }

    /// A 1280 x 2000 screenshot of the page at `path`, as PNG, at `screenshot`.
    static func screenshot(_ browser: String, page path: String, to screenshot: String) throws {
        _ = try run(
            browser,
            ["--screenshot=\(screenshot)", "--window-size=1280,2000", URL(fileURLWithPath: path).absoluteString])
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
