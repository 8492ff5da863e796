#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The entry names of one folder, read with `opendir`/`readdir` as the bytes the file system holds,
/// each carried as a `FileSystemName` string (a name that is not UTF-8 is kept, escaped, rather
/// than dropped or replaced), `.` and `..` left out.
package enum DirectoryListing {
    /// Why a folder could not be listed.
    package struct Failure: Error, Equatable {
        package let reason: String
    }

    /// The names in the folder `path`, sorted by their bytes (as `LC_ALL=C ls` sorts them), so the
    /// order is the same on every machine whatever the names' encoding.
    package static func names(in path: String) throws(Failure) -> [String] {
        guard let folder = FileSystemName.withCPath(path, { opendir($0) }) else {
            throw Failure(reason: describe(errno))
        }
        defer { closedir(folder) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(folder) else {
                if errno != 0 { throw Failure(reason: describe(errno)) }
                break
            }
            let name = entryName(entry)
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }.map { FileSystemName.string($0) }
    }

    /// The bytes of an entry's `d_name`, up to its terminating NUL.
    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
        withUnsafeBytes(of: &entry.pointee.d_name) { raw in
            let length = raw.firstIndex(of: 0) ?? raw.count
            return Array(raw.prefix(length))
        }
    }

    private static func describe(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
