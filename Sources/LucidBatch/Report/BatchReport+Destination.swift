import LucidFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension BatchReport {
    /// Why `path` must not receive the report, or nil when it may: a folder, or an existing file
    /// that is not a Lucid report (an input, anything else), is never replaced.
    public static func refusal(of path: String) -> String? {
        var status = stat()
        guard FileSystemName.withCPath(path, { lstat($0, &status) }) == 0 else { return nil }
        if (status.st_mode & S_IFMT) == S_IFDIR { return "\(path) is a folder" }
        guard (status.st_mode & S_IFMT) == S_IFREG, startsWithMarker(path) else {
            return "\(path) exists and is not a Lucid report: it is never replaced"
        }
        return nil
    }

    /// Whether the file at `path` begins as a Lucid report page: `<!DOCTYPE html>` and the marker line.
    static func startsWithMarker(_ path: String) -> Bool {
        let descriptor = FileSystemName.withCPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let expected = Array(("<!DOCTYPE html>\n" + BatchReportHTML.marker).utf8)
        var bytes = [UInt8](repeating: 0, count: expected.count)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, expected.count) }
        return count == expected.count && bytes == expected
    }
}
