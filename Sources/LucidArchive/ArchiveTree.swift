import LucidFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a walk of the archive tree found, paths relative to the root as raw bytes. Symbolic links
/// are reported, never followed.
struct TreeScan {
    struct Entry {
        var path: [UInt8]
        /// Bytes for a file, the link's target for a link, a description for anything else.
        var size: Int64 = 0
        var detail: [UInt8] = []
    }

    /// Regular files other than the index and its companions, run manifests and temporaries.
    var files: [Entry] = []
    /// Temporary files of atomic writes (`.NAME.tmp-<hex>`), with their size.
    var leftovers: [Entry] = []
    /// Symbolic links, with their targets.
    var links: [Entry] = []
    /// FIFOs, sockets and devices, with what they are.
    var others: [Entry] = []
    /// Folders that could not be read, with the reason.
    var unreadable: [Entry] = []
}

/// Walks the archive tree from an open root descriptor, folder by folder with `openat`
/// (`O_NOFOLLOW | O_DIRECTORY`) and `fstatat(AT_SYMLINK_NOFOLLOW)`.
enum ArchiveTree {
    /// How deep the walk descends; the archive itself is three folders deep.
    static let depthLimit = 32

    /// Walks everything below `root` (a folder descriptor, which stays open). With `firstFileOnly`,
    /// stops at the first file of `files`.
    static func scan(root: Int32, firstFileOnly: Bool = false) -> TreeScan {
        var scan = TreeScan()
        walk(root, prefix: [], depth: 0, into: &scan, firstFileOnly: firstFileOnly)
        scan.files.sort { $0.path.lexicographicallyPrecedes($1.path) }
        return scan
    }

    private static func walk(
        _ folder: Int32, prefix: [UInt8], depth: Int, into scan: inout TreeScan, firstFileOnly: Bool
    ) {
        guard let names = NoFollowCalls.names(in: folder) else {
            scan.unreadable.append(.init(path: prefix, detail: Array(NoFollowCalls.describe(errno).utf8)))
            return
        }
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            if firstFileOnly && !scan.files.isEmpty { return }
            let path = prefix.isEmpty ? name : prefix + [0x2F] + name
            guard let status = NoFollowCalls.status(name, in: folder) else {
                scan.unreadable.append(.init(path: path, detail: Array(NoFollowCalls.describe(errno).utf8)))
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                scan.links.append(.init(path: path, detail: NoFollowCalls.linkTarget(name, in: folder) ?? []))
            case S_IFDIR:
                guard depth + 1 < depthLimit else {
                    scan.unreadable.append(.init(path: path, detail: Array("nested too deep".utf8)))
                    continue
                }
                let child = NoFollowCalls.openFolder(name, in: folder)
                guard child >= 0 else {
                    scan.unreadable.append(.init(path: path, detail: Array(NoFollowCalls.describe(errno).utf8)))
                    continue
                }
                walk(child, prefix: path, depth: depth + 1, into: &scan, firstFileOnly: firstFileOnly)
                close(child)
            case S_IFREG:
                let entry = TreeScan.Entry(path: path, size: Int64(status.st_size))
                let text = FileSystemName.string(name)
                if prefix.isEmpty && text.hasPrefix(Archive.indexName) { continue }
                if AtomicFileWriter.isTemporaryFileName(text) {
                    scan.leftovers.append(entry)
                } else if Archive.isRunManifest(FileSystemName.string(path)) {
                    continue
                } else {
                    scan.files.append(entry)
                }
            default:
                scan.others.append(.init(path: path, detail: Array(kind(status.st_mode).utf8)))
            }
        }
    }

    /// What a file that is neither regular, folder nor link is, for a report.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        case S_IFREG: return "a file"
        default: return "not a regular file"
        }
    }
}
