import Foundation
import LucidFiles

/// A derived file or rendition written ahead of `Archive.store` to a temporary name in its final
/// folder (flushed to disk), so that the frames of a large image go to disk one at a time instead of
/// being held in memory until the image is filed. `store` renames it into place; `discard` removes it.
public struct StagedFile: Sendable, Equatable {
    public var role: FileRole
    /// The final path, relative to the archive root.
    public var path: String
    /// The temporary file's name in the final folder.
    public var temporaryName: String
    /// Bytes.
    public var size: Int64
    /// Lowercase hex.
    public var sha256: String
    /// The SOP Instance the file holds or depicts.
    public var sopInstanceUID: String

    /// The folder part of `path`.
    var folder: String { Archive.split(path).folder }
    /// The file name part of `path`.
    var name: String { Archive.split(path).name }
}

extension Archive {
    /// Writes `files` (derived files and renditions) to temporary names in their folders, flushed
    /// unless `flush` is false (then `commit` flushes them); each folder is opened once. When one
    /// fails, those already staged are removed.
    /// - Throws: `ArchiveError` naming the folder or file, e.g. `.symbolicLink` for a planted link.
    public func stage(_ files: [ArchiveFile], flush: Bool = true) throws(ArchiveError) -> [StagedFile] {
        try stage(
            files.map {
                (
                    ArchiveContent(role: $0.role, path: $0.path, bytes: $0.bytes, sopInstanceUID: $0.sopInstanceUID),
                    $0.sha256
                )
            }, flush: flush)
    }

    /// Removes staged files that will not be stored; best effort. Each folder is opened once.
    public func discard(_ staged: [StagedFile]) {
        var folders: [String: ArchiveFolder?] = [:]
        for file in staged {
            if folders[file.folder] == nil { folders[file.folder] = try? openFolder(file.folder, create: false) }
            folders[file.folder]??.remove(file.temporaryName)
        }
    }

    /// Opens a folder below the root without following links (`ArchiveFolder`). The first time this
    /// `Archive` opens a folder for writing, it removes the temporary files killed writers left there.
    func openFolder(_ relative: String, create: Bool) throws(ArchiveError) -> ArchiveFolder {
        let folder = try ArchiveFolder.open(root: root, relative: relative, create: create)
        if create, sweptFolders.withLock({ $0.insert(relative).inserted }) {
            folder.removeAbandonedTemporaries()
        }
        return folder
    }

    /// Removes the archive file `path` (relative) without following links; best effort.
    func removeFile(_ path: String) {
        let (folderPath, name) = Self.split(path)
        (try? openFolder(folderPath, create: false))?.remove(name)
    }

    /// The folder and file name of a relative path.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }
}

/// A derived file or rendition to stage before its digest is known: `Archive.stage(contents:flush:)`
/// writes it and computes its SHA-256 at the same time.
public struct ArchiveContent: Sendable {
    public var role: FileRole
    /// Relative to the archive root.
    public var path: String
    public let bytes: [UInt8]
    public var sopInstanceUID: String

    public init(role: FileRole, path: String, bytes: [UInt8], sopInstanceUID: String) {
        self.role = role
        self.path = path
        self.bytes = bytes
        self.sopInstanceUID = sopInstanceUID
    }
}

extension ArchiveFile {
    /// `content` with its SHA-256 computed.
    public init(_ content: ArchiveContent) {
        self.init(role: content.role, path: content.path, bytes: content.bytes, sopInstanceUID: content.sopInstanceUID)
    }
}

extension Archive {
    /// Stages `contents` as `stage(_:flush:)` does, computing each file's SHA-256 while its bytes go
    /// to disk: a large file's direct write leaves the processor idle
    /// (`AtomicFileWriter.writeAllDirect`), and the digest fills that time.
    /// - Throws: as `stage(_:flush:)`; the files already staged are removed.
    public func stage(contents: [ArchiveContent], flush: Bool = true) throws(ArchiveError) -> [StagedFile] {
        try stage(contents.map { ($0, nil) }, flush: flush)
    }

    /// Writes each content to a temporary name in its folder (each folder opened once); a digest not
    /// given is computed on this thread while the write runs on another (`ForkJoin`). When one fails,
    /// those already staged are removed.
    private func stage(_ items: [(content: ArchiveContent, sha256: String?)], flush: Bool) throws(ArchiveError)
        -> [StagedFile]
    {
        var folders: [String: ArchiveFolder] = [:]
        var staged: [StagedFile] = []
        do throws(ArchiveError) {
            for (content, knownSHA256) in items {
                let (folderPath, name) = Self.split(content.path)
                let opened: ArchiveFolder
                if let known = folders[folderPath] {
                    opened = known
                } else {
                    opened = try openFolder(folderPath, create: true)
                    folders[folderPath] = opened
                }
                let temporaryName: String
                let sha256: String
                if let knownSHA256 {
                    temporaryName = try opened.writeTemporary(content.bytes, for: name, flush: flush)
                    sha256 = knownSHA256
                } else {
                    // Only the write uses the folder while this thread waits for both, so handing it
                    // to the writing thread shares nothing.
                    nonisolated(unsafe) let folder = opened
                    let (written, digest) = Self.concurrently(
                        { () throws(ArchiveError) in try folder.writeTemporary(content.bytes, for: name, flush: flush)
                        },
                        { SHA256Digest.hex(content.bytes) })
                    temporaryName = try written.get()
                    sha256 = digest
                }
                staged.append(
                    StagedFile(
                        role: content.role, path: content.path, temporaryName: temporaryName,
                        size: Int64(content.bytes.count), sha256: sha256, sopInstanceUID: content.sopInstanceUID))
            }
        } catch {
            discard(staged)
            throw error
        }
        return staged
    }

    /// Runs `first` (a write that waits on the disk) on a thread of its own and `second` on this
    /// one (`ForkJoin`), and returns both results once both are done.
    static func concurrently<First: Sendable, Second>(
        _ first: @escaping @Sendable () throws(ArchiveError) -> First, _ second: () -> Second
    ) -> (Result<First, ArchiveError>, Second) {
        ForkJoin.run(background: { Result { () throws(ArchiveError) in try first() } }, foreground: second)
    }
}
