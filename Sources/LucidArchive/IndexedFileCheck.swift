#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks one indexed file against its record, opening it folder by folder from the archive root
/// with `O_NOFOLLOW`, so a symbolic link planted where the index expects a folder or a file is
/// found instead of followed.
enum IndexedFileCheck {
    enum Outcome: Equatable {
        case intact
        case missing
        case altered(String)
        case unreadable(String)
    }

    /// - Parameters:
    ///   - root: the archive root's folder descriptor (stays open).
    ///   - path: relative, plausible (see `IndexIntegrity.problem`).
    ///   - size: the indexed size in bytes; `sha256`: the indexed digest, lower-case hex.
    static func check(root: Int32, path: String, size: Int64, sha256: String) -> Outcome {
        let components = path.split(separator: "/").map { Array($0.utf8) }
        guard let name = components.last else { return .missing }
        var folder = root
        defer { if folder != root { close(folder) } }
        for (index, component) in components.dropLast().enumerated() {
            let child = NoFollowCalls.openFolder(component, in: folder)
            guard child >= 0 else {
                let shown = components.prefix(index + 1).map { String(decoding: $0, as: UTF8.self) }
                return failure(errno, name: component, in: folder, shown: shown.joined(separator: "/") + "/")
            }
            if folder != root { close(folder) }
            folder = child
        }
        return check(file: name, in: folder, size: size, sha256: sha256, path: path)
    }

    /// Checks the file `name` of the open folder `folder` against its record; `path` names it in
    /// errors. The file is read only when its size matches.
    static func check(file name: [UInt8], in folder: Int32, size: Int64, sha256: String, path: String) -> Outcome {
        let descriptor = NoFollowCalls.openFile(name, in: folder)
        guard descriptor >= 0 else { return failure(errno, name: name, in: folder, shown: nil) }
        defer { close(descriptor) }
        guard let status = NoFollowCalls.status(of: descriptor) else {
            return .unreadable(NoFollowCalls.describe(errno))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .altered("\(ArchiveTree.kind(status.st_mode)), not a regular file")
        }
        let actual = Int64(status.st_size)
        guard actual == size else { return .altered("size \(actual) bytes, indexed \(size)") }
        do {
            let computed = try SHA256Digest.hex(descriptor: descriptor, path: path)
            return computed == sha256 ? .intact : .altered("SHA-256 \(computed), indexed \(sha256)")
        } catch {
            return .unreadable(error.description)
        }
    }

    /// What a failed `openat` of `name` means: missing, a link or another kind of file in the way
    /// (`shown` names a folder component; nil for the file itself), or unreadable.
    private static func failure(_ code: Int32, name: [UInt8], in folder: Int32, shown: String?) -> Outcome {
        if code == ENOENT { return .missing }
        if let status = NoFollowCalls.status(name, in: folder) {
            let mode = status.st_mode & S_IFMT
            if mode == S_IFLNK {
                return .altered(
                    shown.map { "\($0) is a symbolic link, not followed" } ?? "a symbolic link, not followed")
            }
            if let shown, mode != S_IFDIR { return .altered("\(shown) is \(ArchiveTree.kind(status.st_mode))") }
        }
        return .unreadable(NoFollowCalls.describe(code))
    }
}
