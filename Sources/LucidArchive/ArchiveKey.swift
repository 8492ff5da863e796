import LucidDICOM

/// The key an instance is filed under: the SOP Instance UID (0008,0018) when it is usable, else a
/// stand-in that still tells instances apart. It names the original (`<key>.dcm`), keys the index
/// rows and decides duplicates and conflicts.
///
/// - A conformant UID (PS3.5 §9.1) is its own key.
/// - A stated UID of digit components separated by single dots, at most 64 characters, that breaks
///   another rule (a component with a leading zero, `999.999.01.23`) is kept as stated, so files
///   stating it still meet as duplicates or conflicts and the file name stays readable.
/// - Any other stated value (other characters, more than 64 characters) is replaced by
///   `2.25.<n>` derived from the value (`DerivedUIDs`), so two files stating it still meet.
/// - An empty or absent UID is replaced by `2.25.<n>` derived from the SHA-256 of the file's bytes,
///   the only thing that identifies it: identical files meet, different files do not.
///
/// A key is always a safe file name: digits and single dots, at most 64 characters.
public enum ArchiveKey {
    /// The key for `stated` (trimmed of DICOM padding, "" when absent) in a file whose bytes have the
    /// SHA-256 `fileSHA256` (lowercase hex), and a note saying what is odd (nil when conformant).
    public static func key(stated: String, fileSHA256: String) -> (key: String, note: String?) {
        let chosen = candidate(stated: stated, fileSHA256: fileSHA256)
        guard isSafeFileName(chosen.key) else {
            let key = fromFile(fileSHA256)
            return (
                key,
                "SOP Instance UID '\(shown(stated))' cannot name a file; filed under \(key) derived from the file's SHA-256"
            )
        }
        return chosen
    }

    private static func candidate(stated: String, fileSHA256: String) -> (key: String, note: String?) {
        guard let problem = DICOMUID.problem(stated) else { return (stated, nil) }
        if stated.isEmpty {
            let key = fromFile(fileSHA256)
            return (key, "SOP Instance UID (0008,0018) is empty; filed under \(key) derived from the file's SHA-256")
        }
        if isSafeFileName(stated) {
            return (stated, "SOP Instance UID '\(stated)' is not conformant (\(problem)); kept as stated")
        }
        let key = DerivedUIDs.uid(for: "stated-sop\u{0}" + stated)
        return (
            key,
            "SOP Instance UID '\(shown(stated))' is not conformant (\(problem)); filed under \(key) derived from "
                + "the stated value"
        )
    }

    /// `2.25.<n>` from the SHA-256 of a file's bytes.
    private static func fromFile(_ sha256: String) -> String {
        DerivedUIDs.uid(for: "file-sha256\u{0}" + sha256)
    }

    /// `value`, cut to 80 characters (`...` added) for a note.
    private static func shown(_ value: String) -> String {
        value.count > 80 ? String(value.prefix(80)) + "..." : value
    }

    /// Whether `name` is digits separated by single dots, at most 64 characters: no leading or
    /// trailing dot, no `..`, nothing a file system could read as a path or a hidden file.
    public static func isSafeFileName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 64 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { component in
            !component.isEmpty && component.utf8.allSatisfy { (0x30...0x39).contains($0) }
        }
    }
}
