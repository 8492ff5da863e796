import Foundation
import LucidTestSupport
import Testing

/// The help a person reads: `lucid --help`, every subcommand's `--help` (found from its parent's
/// SUBCOMMANDS list, so a new command is covered without editing this test), the help topics and
/// `lucid presets`. None may hold a line-continuation backslash that leaked into the text, a
/// "(default: ...)" twice in one option, the name of one of Lucid's Swift types, or send the reader
/// to the help being read.
@Suite struct HelpTextTests {
    /// Every command path (`[]` for `lucid` itself) with its `--help` text.
    static func commandHelp() throws -> [(command: [String], text: String)] {
        var found: [(command: [String], text: String)] = []
        var queue: [[String]] = [[]]
        while !queue.isEmpty {
            let command = queue.removeFirst()
            let result = try LucidBinary.run(command + ["--help"])
            #expect(result.status == 0, "\(command) --help: \(result.standardError)")
            found.append((command, result.outputText))
            queue += subcommands(result.outputText).map { command + [$0] }
        }
        return found
    }

    /// The names a help text lists under SUBCOMMANDS (not ArgumentParser's own `help`).
    static func subcommands(_ help: String) -> [String] {
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        var names: [String] = []
        for line in help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { break }
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first else {
                continue
            }
            if word != "help" { names.append(String(word)) }
        }
        return names
    }

    /// The names of the structs, enums, classes, actors and protocols declared in Sources whose
    /// spelling is an identifier's (a capital after a small letter, e.g. `AutoPreset`), not a word.
    static func typeNames() throws -> Set<String> {
        let root = SampleCorpus.packageRoot + "/Sources"
        var names: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            for match in text.matches(of: /(?:struct|enum|class|actor|protocol) ([A-Z][A-Za-z0-9]*)/) {
                let name = String(match.output.1)
                if name.contains(/[a-z][A-Z]/) { names.insert(name) }
            }
        }
        return names
    }

    /// The problems of one help text.
    static func problems(_ text: String, command: [String], types: Set<String>) -> [String] {
        var problems: [String] = []
        for line in text.split(separator: "\n") where line.contains(/\\(\s|$)/) {
            problems.append("a backslash before a space or the end of a line: \(line)")
        }
        for entry in text.split(separator: /\n(?=  -)/) where entry.matches(of: /\(default:/).count > 1 {
            problems.append("two defaults in one option: \(entry)")
        }
        for word in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where types.contains(String(word)) {
            problems.append("a Swift type's name: \(word)")
        }
        if !command.isEmpty {
            let name = command.joined(separator: " ")
            if text.contains("lucid \(name) --help") { problems.append("points at itself: lucid \(name) --help") }
            for range in text.ranges(of: "lucid help \(name)") {
                let after = text[range.upperBound...].prefix(2)
                let deeper = after.first == " " && after.dropFirst().first.map { $0.isLetter || $0 == "<" } == true
                if !deeper { problems.append("points at itself: lucid help \(name)") }
            }
        }
        return problems
    }

    @Test("--help of lucid and every subcommand: no stray backslash, one default per option, no type name, no loop")
    func commandHelpIsClean() throws {
        let types = try Self.typeNames()
        #expect(types.contains("AutoPreset") && types.contains("StepsSpec"), "\(types.count) type names")
        let helps = try Self.commandHelp()
        let commands = Set(helps.map { $0.command.joined(separator: " ") })
        for expected in ["", "render", "process", "dose", "archive", "archive ls", "archive push", "verify"] {
            #expect(commands.contains(expected), "no help found for '\(expected)': \(commands.sorted())")
        }
        #expect(helps.count >= 14, "\(commands.sorted())")
        for (command, text) in helps {
            let found = Self.problems(text, command: command, types: types)
            #expect(found.isEmpty, "lucid \(command.joined(separator: " ")) --help:\n\(found.joined(separator: "\n"))")
        }
    }

    @Test("The help topics and the preset list: no stray backslash, no type name")
    func topicsAreClean() throws {
        let types = try Self.typeNames()
        for arguments in [["help", "windows"], ["help", "presets"], ["help", "steps"], ["presets"]] {
            let result = try LucidBinary.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            #expect(result.outputText.count > 200, "\(arguments): \(result.outputText)")
            let found = Self.problems(result.outputText, command: [], types: types)
            #expect(found.isEmpty, "lucid \(arguments.joined(separator: " ")):\n\(found.joined(separator: "\n"))")
        }
    }

    @Test("The checks find what they look for")
    func checksCanFail() throws {
        let types: Set<String> = ["AutoPreset"]
        let option = "  --jobs <jobs>   Files at once (default: all cores). (default: 2)\n  --quiet  Less.\n"
        #expect(Self.problems(option, command: ["process"], types: types).count == 1)
        #expect(Self.problems("text \\\nmore\n", command: [], types: types).count == 1)
        #expect(Self.problems("chooses per file; see AutoPreset\n", command: [], types: types).count == 1)
        #expect(Self.problems("(see `lucid render --help`)\n", command: ["render"], types: types).count == 1)
        #expect(Self.problems("(see `lucid help render`)\n", command: ["render"], types: types).count == 1)
        #expect(Self.problems("(see `lucid render --help`) \\x1b\n", command: ["process"], types: types).isEmpty)
        #expect(Self.problems("See 'lucid help archive <subcommand>'\n", command: ["archive"], types: types).isEmpty)
    }
}
