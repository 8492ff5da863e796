import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lexical path helpers and `stat` facts for the input walker; symbolic links are not resolved in
/// paths (a link's path is mirrored as written) but are followed when asking what a path is.
enum FileSystemPath {
    /// What a path names, links followed.
    enum Kind: Equatable {
        case file
        case directory(DirectoryIdentity)
        case other
        case missing(String)
    }

    /// A directory's device and inode, to visit each directory once (symbolic link loops).
    struct DirectoryIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            var linkInfo = stat()
            if lstat(path, &linkInfo) == 0 && (linkInfo.st_mode & S_IFMT) == S_IFLNK {
                return .missing("broken symbolic link")
            }
            return .missing(code == ENOENT ? "no such file or directory" : String(cString: strerror(code)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory(DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        default: return .other
        }
    }

    /// `path` made absolute against `base` and cleaned of `.`, `..` and repeated slashes, lexically.
    static func absolute(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder holding `path` (absolute, clean).
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The deepest folder that holds every one of `paths` (absolute, clean folders).
    static func commonAncestor(_ paths: [String]) -> String {
        guard var common = paths.first?.split(separator: "/") else { return "/" }
        for path in paths.dropFirst() {
            let parts = path.split(separator: "/")
            var shared = 0
            while shared < min(common.count, parts.count) && common[shared] == parts[shared] { shared += 1 }
            common = Array(common.prefix(shared))
        }
        return "/" + common.joined(separator: "/")
    }

    /// `path` relative to `folder` (both absolute and clean), climbing with `..` as needed; `path`
    /// itself when the two share no folder but `/`.
    static func relative(_ path: String, to folder: String) -> String {
        let common = commonAncestor([path, folder])
        guard common != "/" else { return path }
        let depth = common.split(separator: "/").count
        let climbs = Array(repeating: "..", count: folder.split(separator: "/").count - depth)
        let rest = path.split(separator: "/").dropFirst(depth).map(String.init)
        let parts = climbs + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The process's current directory.
    static var currentDirectory: String { FileManager.default.currentDirectoryPath }
}
