import Foundation
import LucidFiles
import Testing

/// Every control character and file-name byte escape is shown as an escape, in text and in JSON.
@Suite struct TerminalTextTests {
    @Test("C0 controls (TAB, CR, LF too), DEL, C1 controls and name bytes are escaped; the rest is kept")
    func escaped() {
        let name = FileSystemName.string(Array("latin".utf8) + [0xE9] + Array(".dcm".utf8))
        #expect(TerminalText.escaped(name) == "latin\\xe9.dcm")
        #expect(
            TerminalText.escaped("a\u{1B}[2Jb\tc\r\nd\u{7F}e\u{9B}f\u{0}")
                == "a\\x1b[2Jb\\x09c\\x0d\\x0ad\\x7fe\\u{9b}f\\x00")
        #expect(TerminalText.escaped("Müller^Zoë \\ 日本 \u{A0}") == "Müller^Zoë \\ 日本 \u{A0}")
        #expect(TerminalText.escapedLines("one\u{1B}\ntwo") == "one\\x1b\ntwo")
    }

    @Test("JSON text escapes ESC, DEL and C1 as \\u00XX, a name byte as the text \\xe9, and stays valid")
    func json() throws {
        let name = FileSystemName.string(Array("latin".utf8) + [0xE9] + Array(".dcm".utf8))
        let value = "Evil\u{1B}[2J\u{7F}\u{9B}"
        for options: JSONSerialization.WritingOptions in [[.sortedKeys], [.prettyPrinted, .sortedKeys]] {
            let data = try #require(JSONText.data(["name": name, "value": value], options: options))
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.contains("\\u001b[2J\\u007f\\u009b"), "\(text)")
            #expect(text.contains("latin\\\\xe9.dcm"), "\(text)")
            #expect(![UInt8](data).contains(0x1B) && ![UInt8](data).contains(0x7F))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
            #expect(object == ["name": "latin\\xe9.dcm", "value": value])
        }
    }
}
