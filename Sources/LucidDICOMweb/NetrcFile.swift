import Foundation

/// A netrc file, the credentials file of curl and ftp: tokens separated by white space,
/// `machine HOST` starts an entry, `default` starts the entry for any other host, `login` and
/// `password` give its values (`account` is read and ignored), `macdef NAME` is skipped up to the
/// next empty line, and a line starting with `#` is a comment. A token may be double-quoted (see `tokens(of:)`).
///
/// Passwords are kept only in the entries; no description or error of this type shows one.
public struct NetrcFile: Sendable {
    /// One `machine` (or `default`) entry.
    public struct Entry: Sendable, Equatable {
        /// The host name; nil for the `default` entry.
        public var machine: String?
        public var login: String?
        var password: String?

        public init(machine: String?, login: String?, password: String?) {
            self.machine = machine
            self.login = login
            self.password = password
        }

        /// Whether the entry has a password.
        public var hasPassword: Bool { password != nil }
    }

    public let entries: [Entry]

    /// Parses the text of a netrc file.
    /// - Throws: `DICOMwebError.invalidConfiguration` naming `source` when a keyword lacks its value.
    public init(contents: String, source: String) throws(DICOMwebError) {
        var entries: [Entry] = []
        let lines = contents.split(separator: "\n", omittingEmptySubsequences: false)
        var lineIndex = 0
        var pending: [String] = []
        func nextToken() -> String? {
            while pending.isEmpty {
                guard lineIndex < lines.count else { return nil }
                let line = lines[lineIndex]
                lineIndex += 1
                if line.drop(while: \.isWhitespace).hasPrefix("#") { continue }
                pending = Self.tokens(of: String(line))
            }
            return pending.removeFirst()
        }
        func value(after keyword: String) throws(DICOMwebError) -> String {
            guard let value = nextToken() else {
                throw .invalidConfiguration(reason: "\(source): '\(keyword)' without a value")
            }
            return value
        }
        while let token = nextToken() {
            switch token {
            case "machine": entries.append(Entry(machine: try value(after: token), login: nil, password: nil))
            case "default": entries.append(Entry(machine: nil, login: nil, password: nil))
            case "login", "password", "account":
                let value = try value(after: token)
                guard !entries.isEmpty else { continue }
                if token == "login" { entries[entries.count - 1].login = value }
                if token == "password" { entries[entries.count - 1].password = value }
            case "macdef":
                _ = try value(after: token)
                pending = []
                while lineIndex < lines.count {
                    let line = lines[lineIndex]
                    lineIndex += 1
                    if line.allSatisfy(\.isWhitespace) { break }
                }
            default:
                continue
            }
        }
        self.entries = entries
    }

    /// Reads and parses the file at `path`.
    /// - Throws: `DICOMwebError.invalidConfiguration` when it cannot be read or parsed.
    public init(path: String) throws(DICOMwebError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .invalidConfiguration(reason: "cannot read the netrc file \(path): \(error.localizedDescription)")
        }
        try self.init(contents: text, source: path)
    }

    /// The entry for `host` (case-insensitive), else the `default` entry, else nil.
    public func entry(host: String) -> Entry? {
        let wanted = host.lowercased()
        return entries.first { $0.machine?.lowercased() == wanted } ?? entries.first { $0.machine == nil }
    }

    /// The tokens of one line, as curl reads them: separated by white space; a token that starts
    /// with `"` runs to the next unescaped `"` and may hold white space, `\"` and `\\`; inside an
    /// unquoted token every character is literal.
    static func tokens(of line: String) -> [String] {
        var tokens: [String] = []
        var characters = line.makeIterator()
        var current: String?
        while let character = characters.next() {
            if character.isWhitespace {
                if let token = current { tokens.append(token) }
                current = nil
            } else if character == "\"", current == nil {
                var quoted = ""
                while let next = characters.next(), next != "\"" {
                    quoted.append(next == "\\" ? (characters.next() ?? next) : next)
                }
                tokens.append(quoted)
            } else {
                current = (current ?? "") + String(character)
            }
        }
        if let token = current { tokens.append(token) }
        return tokens
    }
}
