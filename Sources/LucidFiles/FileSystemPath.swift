import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lexical path helpers and `stat` facts for the input walker; symbolic links are not resolved in
/// paths (a link's path is mirrored as written) but are followed when asking what a path is.
/// Paths are `FileSystemName` strings: split and joined at the byte `/` only, and handed to the
/// system as the bytes they stand for.
package enum FileSystemPath {
    /// What a path names, links followed.
    package enum Kind: Equatable {
        case file
        case directory(DirectoryIdentity)
        /// A FIFO, device or socket: what it is, e.g. "a FIFO".
        case other(String)
        case missing(String)
    }

    /// A directory's device and inode, to visit each directory once (symbolic link loops).
    package struct DirectoryIdentity: Hashable {
        package let device: UInt64
        package let inode: UInt64
    }

    package static func kind(_ path: String) -> Kind {
        var info = stat()
        guard FileSystemName.withCPath(path, { stat($0, &info) }) == 0 else {
            let code = errno
            var linkInfo = stat()
            let linked = FileSystemName.withCPath(path) { lstat($0, &linkInfo) } == 0
            if linked && (linkInfo.st_mode & S_IFMT) == S_IFLNK {
                return .missing("broken symbolic link")
            }
            return .missing(code == ENOENT ? "no such file or directory" : String(cString: strerror(code)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory(DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        default: return .other(Self.kind(ofMode: info.st_mode))
        }
    }

    /// `path` made absolute against `base` and cleaned of `.`, `..` and repeated slashes, lexically.
    package static func absolute(_ path: String, base: String) -> String {
        let joined = path.utf8.first == UInt8(ascii: "/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in components(joined) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The non-empty parts of `path` between the bytes `/` (a `Character` split would miss a `/`
    /// that a combining mark follows).
    package static func components(_ path: String) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }

    /// The folder holding `path` (absolute, clean).
    package static func parent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The deepest folder that holds every one of `paths` (absolute, clean folders).
    package static func commonAncestor(_ paths: [String]) -> String {
        guard var common = paths.first.map(components) else { return "/" }
        for path in paths.dropFirst() {
            let parts = components(path)
            var shared = 0
            while shared < min(common.count, parts.count) && common[shared].utf8.elementsEqual(parts[shared].utf8) {
                shared += 1
            }
            common = Array(common.prefix(shared))
        }
        return "/" + common.joined(separator: "/")
    }

    /// `path` relative to `folder` (both absolute and clean), climbing with `..` as needed; `path`
    /// itself when the two share no folder but `/`.
    package static func relative(_ path: String, to folder: String) -> String {
        let common = commonAncestor([path, folder])
        guard common != "/" else { return path }
        let depth = components(common).count
        let climbs = Array(repeating: "..", count: components(folder).count - depth)
        let rest = components(path).dropFirst(depth).map(String.init)
        let parts = climbs + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The process's current directory, as a `FileSystemName` string.
    package static var currentDirectory: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return FileManager.default.currentDirectoryPath }
        return FileSystemName.string(buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
    }

    /// What a file of mode `mode` is, for messages: "a FIFO", "a folder", "a socket"...
    package static func kind(ofMode mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "a regular file"
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "an unknown kind of file"
        }
    }
}
