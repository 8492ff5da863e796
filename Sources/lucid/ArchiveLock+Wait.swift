import LucidArchive
import LucidFiles

extension ArchiveLock {
    /// Says on standard error that opening the archive at `root` will wait for a `lucid verify`
    /// that holds its lock, so a writer that seems to hang explains itself.
    static func announceWait(root: String) {
        guard isHeldExclusively(root: root) else { return }
        StandardError.write(
            "lucid: \(TerminalText.escaped(root)) is being checked by lucid verify; waiting for it to finish")
    }
}
