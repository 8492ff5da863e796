/// Why the archive could not be read or written; every message names the file or folder concerned.
public enum ArchiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// A file or folder could not be written.
    case unwritable(path: String, reason: String)
    /// The SQLite index could not be opened, read or updated.
    case index(path: String, reason: String)
    /// The image cannot be filed: its header lacks what the archive needs.
    case unfileable(source: String, reason: String)
    /// The digest library failed.
    case digest(path: String, reason: String)
    /// A symbolic link (or something other than a folder) stands where the archive expects one of
    /// its folders or files; the archive never writes through a link.
    case symbolicLink(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .unwritable(let path, let reason): return "\(path): cannot write: \(reason)"
        case .index(let path, let reason): return "\(path): archive index error: \(reason)"
        case .unfileable(let source, let reason): return "\(source): cannot archive: \(reason)"
        case .digest(let path, let reason): return "\(path): SHA-256 failed: \(reason)"
        case .symbolicLink(let path):
            return "\(path): a symbolic link or not a folder inside the archive; the archive never writes through "
                + "links: remove it (and move what it points to back into the archive) before filing into it"
        }
    }
}
