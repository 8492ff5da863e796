import LucidArchive
import LucidDeidentify
import Synchronization

extension FileProcessor {
    /// With `--deidentify` and no archive folder: claims the de-identified instance's name before
    /// anything of it is written, so that two inputs that de-identify to one instance (one SOP
    /// Instance UID) with other content never write the same renditions. The first in walk order
    /// (`turn`) is processed; a later one with the same bytes too (its outputs are the same); a
    /// later one with other bytes fails, nothing written. With an archive folder, the archive
    /// settles it (a conflict).
    /// - Throws: `FileError.deidentify` (`cannotWrite`) naming `path` for a later input with other bytes.
    func claimDeidentified(name: String, bytes: [UInt8], path: String, turn: ArchiveTurns.Turn?)
        async throws(FileError)
    {
        guard settings.deidentifier != nil, settings.archive == nil else { return }
        if let turn {
            turn.claim(name)
            await turn.wait(for: name)
        }
        guard settings.deidentifiedInstances.claim(name, sha256: SHA256Digest.hex(bytes)) else {
            throw .deidentify(
                path: path,
                .cannotWrite(
                    file: path,
                    reason: "an input before it de-identifies to the same instance (\(name)) with other content; "
                        + "nothing of this one was written"))
        }
    }
}

/// The de-identified instances of one run and the SHA-256 of each one's bytes: what
/// `FileProcessor.claimDeidentified` checks.
package final class DeidentifiedInstances: Sendable {
    private let digests = Mutex<[String: String]>([:])

    package init() {}

    /// True when `name` is new, or was claimed with the same `sha256`; false for other bytes.
    package func claim(_ name: String, sha256: String) -> Bool {
        digests.withLock { digests in
            if let first = digests[name] { return first == sha256 }
            digests[name] = sha256
            return true
        }
    }
}
