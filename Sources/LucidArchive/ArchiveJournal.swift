import LucidFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The list of archive files a writer is about to rename into place before their index rows are
/// committed (`Archive.commit`), kept at the archive root as `.commit-journal.tmp-<16 hex digits>`
/// (a temporary file's name: its writer's process id comes first, see `AtomicFileWriter`).
///
/// The journal is written and flushed (file and root folder) before the first rename and removed
/// once the rows are committed. A writer killed in between leaves complete files under their final
/// names that the index does not know yet, and its journal naming them: `lucid verify` reports those
/// files as leftovers of an interrupted write, not as unindexed, and the next run over the same
/// inputs finds them with the same bytes and indexes them. A journal whose writer is gone is
/// removed once every file it names is indexed or gone.
enum ArchiveJournal {
    static let stem = "commit-journal"

    /// Whether `name` (a file of the archive root) is a journal.
    static func isJournal(_ name: String) -> Bool {
        name.hasPrefix("." + stem + ".tmp-") && AtomicFileWriter.isTemporaryFileName(name)
    }

    /// Writes `paths` (relative to the root, one a line) to a new journal in `root`, flushes it and
    /// the root folder, and returns its name.
    static func write(_ paths: [String], root: ArchiveFolder) throws(ArchiveError) -> String {
        let name = try root.writeTemporary(Array(paths.joined(separator: "\n").utf8), for: stem)
        root.sync()
        return name
    }

    /// The paths the journal `name` of the folder `descriptor` names; nil when it cannot be read.
    static func paths(_ name: [UInt8], in descriptor: Int32) -> [String]? {
        let file = NoFollowCalls.openFile(name, in: descriptor)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            bytes += chunk[0..<count]
            guard bytes.count <= 64 << 20 else { return nil }
        }
        return bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }
}
