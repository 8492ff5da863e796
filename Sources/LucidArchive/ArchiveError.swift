/// Why the archive could not be read or written; every message names the file or folder concerned.
public enum ArchiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// A file or folder could not be written.
    case unwritable(path: String, reason: String)
    /// The SQLite index could not be opened, read or updated.
    case index(path: String, reason: String)
    /// The index failed its own checks: SQLite's integrity check, its schema, or implausible values
    /// (an indexed path that leaves the archive, an empty component, a control character). `findings`
    /// are the first problems found, at most `ArchiveError.findingLimit`.
    case damagedIndex(path: String, findings: [String])
    /// A run writing to the archive at `path` holds its lock (`index.sqlite.lock`).
    case busy(path: String)
    /// The digest library failed.
    case digest(path: String, reason: String)
    /// A symbolic link (or something other than a folder) stands where the archive expects one of
    /// its folders or files; the archive never writes through a link.
    case symbolicLink(path: String)

    /// How many findings of a damaged index are kept.
    public static let findingLimit = 10

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .unwritable(let path, let reason): return "\(path): cannot write: \(reason)"
        case .index(let path, let reason): return "\(path): archive index error: \(reason)"
        case .damagedIndex(let path, let findings):
            return "\(path): the archive index is damaged: " + findings.joined(separator: "; ")
        case .busy(let path):
            return "archive busy: a lucid process or lucid archive push run (or another lucid verify) holds "
                + "\(path)/\(ArchiveLock.fileName); retry after that run ends"
        case .digest(let path, let reason): return "\(path): SHA-256 failed: \(reason)"
        case .symbolicLink(let path):
            return "\(path): a symbolic link or not a folder inside the archive; the archive never writes through "
                + "links: remove it (and move what it points to back into the archive) before filing into it"
        }
    }
}
