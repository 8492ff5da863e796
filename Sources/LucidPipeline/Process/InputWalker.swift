import Foundation

/// What the walker found: a file to process, or a path that is reported without being processed.
public enum InputEvent: Sendable, Equatable {
    /// A regular file (links followed), with its path as given or as found below a folder argument.
    case file(String)
    /// A path that cannot be processed: missing, a broken link, or a device, socket or pipe.
    /// `fatal` is true for a missing INPUT or `--files-from` path, which counts as a failure.
    case unusable(path: String, reason: String, fatal: Bool)
}

/// Walks the inputs of `lucid process` lazily, in a deterministic order: the INPUT arguments in the
/// order given, each folder recursively with the entries of every folder sorted by name, then the
/// lines of `--files-from`. Only the folders on the way down are held in memory (each one's sorted
/// entry names), never the whole tree, so the first file is found before the rest is listed.
///
/// Symbolic links are followed, but a folder already visited (same device and inode) is not entered
/// again, so link loops end; folders in `excluded` (the output folder) are never entered. With a
/// `shard`, only the events of paths in that shard come out (see `InputShard`).
public final class InputWalker: IteratorProtocol {
    private struct Level {
        let path: String
        let names: [String]
        var index = 0
    }

    private var arguments: [String]
    private var argumentIndex = 0
    private let lines: LineReader?
    private var stack: [Level] = []
    private var visited: Set<FileSystemPath.DirectoryIdentity> = []
    private let excluded: Set<FileSystemPath.DirectoryIdentity>
    private let shard: InputShard?
    /// How many folders have been listed so far.
    public private(set) var foldersListed = 0

    /// - Parameters:
    ///   - arguments: files and folders, as given.
    ///   - lines: further paths, one a line (`--files-from`), read after the arguments.
    ///   - excluding: folders never to enter (e.g. the output folder), if they exist.
    ///   - shard: the part of the inputs to keep; nil keeps all.
    public init(arguments: [String], lines: LineReader? = nil, excluding: [String] = [], shard: InputShard? = nil) {
        self.arguments = arguments
        self.lines = lines
        self.shard = shard
        self.excluded = Set(
            excluding.compactMap { path in
                if case .directory(let identity) = FileSystemPath.kind(path) { return identity }
                return nil
            })
    }

    public func next() -> InputEvent? {
        while let (event, relative) = nextUnfiltered() {
            if shard?.contains(relativePath: relative) ?? true { return event }
        }
        return nil
    }

    /// The next event with its path relative to its input root (see `InputShard`).
    private func nextUnfiltered() -> (InputEvent, String)? {
        while true {
            if var level = stack.popLast() {
                guard level.index < level.names.count else { continue }
                let name = level.names[level.index]
                level.index += 1
                stack.append(level)
                let path = level.path.hasSuffix("/") ? level.path + name : level.path + "/" + name
                if let event = visit(path, fatal: false), let root = stack.first?.path {
                    return (event, String(path.dropFirst(root.hasSuffix("/") ? root.count : root.count + 1)))
                }
                continue
            }
            let path: String
            let relative: String
            if argumentIndex < arguments.count {
                path = arguments[argumentIndex]
                relative = (path as NSString).lastPathComponent
                argumentIndex += 1
            } else if let line = lines?.next() {
                path = line
                relative = line
            } else {
                return nil
            }
            if let event = visit(path, fatal: true) { return (event, relative) }
        }
    }

    /// Returns the event for `path`, or enters it (returning nil) when it is a folder.
    private func visit(_ path: String, fatal: Bool) -> InputEvent? {
        switch FileSystemPath.kind(path) {
        case .file:
            return .file(path)
        case .missing(let reason):
            return .unusable(path: path, reason: reason, fatal: fatal)
        case .other:
            return .unusable(path: path, reason: "not a regular file or folder", fatal: false)
        case .directory(let identity):
            guard !excluded.contains(identity), visited.insert(identity).inserted else { return nil }
            foldersListed += 1
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                return .unusable(path: path, reason: "the folder cannot be listed", fatal: true)
            }
            stack.append(Level(path: path, names: names.sorted()))
            return nil
        }
    }
}
