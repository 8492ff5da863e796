import Foundation
import LucidFiles

/// What the walker found: a file to process, or a path that is reported without being processed.
public enum InputEvent: Sendable, Equatable {
    /// A regular file (links followed), with its path as given or as found below a folder argument.
    case file(String)
    /// A path that cannot be processed: missing, a broken link, or a device, socket or pipe; or a
    /// `--files-from` line that is not a path (too long, or holding a NUL byte), whose `path` is
    /// `LIST:LINE`. `fatal` is true for a missing INPUT or `--files-from` path and for a refused
    /// line, which count as failures.
    case unusable(path: String, reason: String, fatal: Bool)
}

/// Walks the inputs of `lucid process` lazily, in a deterministic order: the INPUT arguments in the
/// order given, each folder recursively with the entries of every folder sorted by the bytes of
/// their names (see `DirectoryListing`), then the lines of `--files-from`. Paths are
/// `FileSystemName` strings, so names that are not UTF-8 are walked too. Only the folders on the
/// way down are held in memory (each one's sorted entry names), never the whole tree, so the first
/// file is found before the rest is listed.
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
                let path = level.path.utf8.last == UInt8(ascii: "/") ? level.path + name : level.path + "/" + name
                if let event = visit(path, fatal: false), let root = stack.first?.path {
                    return (event, Self.relative(path, below: root))
                }
                continue
            }
            let path: String
            let relative: String
            if argumentIndex < arguments.count {
                path = arguments[argumentIndex]
                relative = FileSystemPath.components(path).last.map(String.init) ?? path
                argumentIndex += 1
            } else if let lines, let line = lines.next() {
                switch line {
                case .path(let line):
                    path = line
                    relative = line
                case .refused(let number, let reason):
                    let place = "\(lines.source):\(number)"
                    return (.unusable(path: place, reason: "--files-from \(reason)", fatal: true), place)
                }
            } else {
                return nil
            }
            if let event = visit(path, fatal: true) { return (event, relative) }
        }
    }

    /// `path` without the folder `root` it lies in and the slash after it.
    private static func relative(_ path: String, below root: String) -> String {
        let count = root.utf8.count + (root.utf8.last == UInt8(ascii: "/") ? 0 : 1)
        return String(Substring(path.utf8.dropFirst(count)))
    }

    /// Returns the event for `path`, or enters it (returning nil) when it is a folder.
    private func visit(_ path: String, fatal: Bool) -> InputEvent? {
        switch FileSystemPath.kind(path) {
        case .file:
            return .file(path)
        case .missing(let reason):
            return .unusable(path: path, reason: reason, fatal: fatal)
        case .other(let kind):
            return .unusable(path: path, reason: "not a regular file or folder (\(kind))", fatal: false)
        case .directory(let identity):
            guard !excluded.contains(identity), visited.insert(identity).inserted else { return nil }
            foldersListed += 1
            do throws(DirectoryListing.Failure) {
                stack.append(Level(path: path, names: try DirectoryListing.names(in: path)))
            } catch {
                return .unusable(path: path, reason: "the folder cannot be listed: \(error.reason)", fatal: true)
            }
            return nil
        }
    }
}
