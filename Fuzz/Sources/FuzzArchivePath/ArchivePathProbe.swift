import LucidArchive
import LucidDICOM

/// Feeds fuzzed header values to the archive's path builder the way `lucid process --archive` does
/// (a parsed data set, `InstanceIdentity(dataSet:source:)`, `ArchivePlan`) and stops the process
/// (so libFuzzer reports the input) when a path it builds could leave the archive root.
enum ArchivePathProbe {
    /// Every rendition suffix `lucid process` writes.
    static let renditionSuffixes = [".png", ".16.png", ".jpg"]
    /// The longest file name part Linux and macOS file systems accept (NAME_MAX), bytes.
    static let nameMaximum = 255

    static func run(_ bytes: [UInt8]) {
        let header = FuzzedHeader(bytes)
        for value in header.values {
            checkComponent(String(decoding: value, as: UTF8.self))
        }
        checkDistinct(header.values)
        let file: DICOMFile
        do throws(DICOMError) {
            file = try DICOMFile(bytes: header.part10, source: "fuzz.dcm")
        } catch {
            preconditionFailure("the header built from the fuzz input does not parse: \(error)")
        }
        let digest = SHA256Digest.hex(header.part10)
        let identity = InstanceIdentity(dataSet: file.dataSet, fileSHA256: digest)
        let plan = ArchivePlan(
            identity: identity, recipe: header.recipe, frames: [1, 2], renditionSuffixes: renditionSuffixes,
            sourcePath: "fuzz.dcm", originalSHA256: digest)
        for path in plan.expectedPaths { checkPath(path) }
    }

    /// One sanitised value: a single non-empty name of allowed bytes, no leading dot, at most 64 bytes.
    static func checkComponent(_ value: String) {
        let name = ArchivePathComponent.sanitize(value)
        precondition(isSafeName(name), "sanitize(\(value.debugDescription)) gave \(name.debugDescription)")
        precondition(name.utf8.count <= ArchivePathComponent.maximumLength, "\(name.debugDescription) is too long")
    }

    /// Different values (after DICOM padding is trimmed) never share a folder, alone or as the study
    /// folder's pair; only an empty value is `UNKNOWN`.
    static func checkDistinct(_ values: [[UInt8]]) {
        let texts = values.map { String(decoding: $0, as: UTF8.self) }
        for (first, second) in zip(texts, texts.dropFirst()) {
            let (a, b) = (trimmed(first), trimmed(second))
            guard a != b else { continue }
            precondition(
                ArchivePathComponent.sanitize(a) != ArchivePathComponent.sanitize(b),
                "\(a.debugDescription) and \(b.debugDescription) share the folder \(ArchivePathComponent.sanitize(a))")
            precondition(
                ArchivePathComponent.folderName([a, b]) != ArchivePathComponent.folderName([b, a]),
                "(\(a.debugDescription), \(b.debugDescription)) and its reverse share a folder")
        }
    }

    /// A path of the plan: `patient/study/series/file`, relative, each part a safe name within its cap.
    static func checkPath(_ path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        precondition(parts.count == 4, "\(path.debugDescription) is not patient/study/series/file")
        let component = ArchivePathComponent.maximumLength
        let caps = [component, component, component, component + ".derived.dcm".utf8.count]
        for (part, cap) in zip(parts, caps) {
            precondition(isSafeName(part), "\(path.debugDescription) has the unsafe part \(part.debugDescription)")
            precondition(part.utf8.count <= min(cap, nameMaximum), "\(path.debugDescription): a part is too long")
        }
    }

    /// Non-empty, not `.` or `..` nor hidden, only ASCII letters, digits and `. - _ + = , @ ^`.
    static func isSafeName(_ name: String) -> Bool {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_+=,@^".utf8)
        return !name.isEmpty && name.utf8.first != UInt8(ascii: ".") && name.utf8.allSatisfy(allowed.contains)
    }

    /// The value as the sanitiser sees it: spaces and NULs (DICOM padding) trimmed at both ends.
    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while scalars.first == " " || scalars.first == "\0" { scalars = scalars.dropFirst() }
        while scalars.last == " " || scalars.last == "\0" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
