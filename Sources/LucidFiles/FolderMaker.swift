#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates folders by the bytes of their names (`FileSystemName`), so a mirrored folder whose name
/// is not UTF-8 is created under that name, not under a re-encoding of it.
public enum FolderMaker {
    /// Creates `path` and every missing folder above it (like `mkdir -p`), each with permissions
    /// `permissions` (default 0o755, reduced by the process umask). An existing folder, or a link
    /// to one, is fine.
    /// - Throws: `FileWriteError` naming the first folder that could not be created, or a part of
    ///   the path that exists and is not a folder.
    public static func create(_ path: String, permissions: mode_t = 0o755) throws(FileWriteError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.utf8.split(separator: UInt8(ascii: "/")) {
            prefix += String(Substring(part))
            defer { prefix += "/" }
            if part.elementsEqual(".".utf8) { continue }
            let made = FileSystemName.withCPath(prefix) { mkdir($0, permissions) }
            guard made != 0 else { continue }
            let code = errno
            guard code == EEXIST else {
                throw FileWriteError(path: path, operation: "create folder \(prefix)", reason: describe(code))
            }
            guard isFolder(prefix) else {
                throw FileWriteError(
                    path: path, operation: "create folder \(prefix)", reason: "it exists and is not a folder")
            }
        }
    }

    /// True when `path` is a folder, links followed.
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return FileSystemName.withCPath(path) { stat($0, &info) } == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text) + " (errno \(code))"
    }
}
