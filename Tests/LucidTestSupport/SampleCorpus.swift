import Foundation

/// The shared corpus of real DICOM files (`../shared/dicom-samples` beside the package, or the
/// folder named by `LUCID_DICOM_SAMPLES`) and its `manifest.json`. A missing corpus is a test
/// failure, never a silent skip.
public enum SampleCorpus {
    public static var directory: String {
        if let override = ProcessInfo.processInfo.environment["LUCID_DICOM_SAMPLES"] { return override }
        return packageRoot + "/../shared/dicom-samples"
    }

    /// The package root, found from this file's path (Tests/LucidTestSupport/SampleCorpus.swift).
    public static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    public static func path(_ name: String) -> String { directory + "/" + name }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Every file entry of the manifest, as JSON dictionaries.
    public static func manifestEntries() throws -> [[String: Any]] {
        let url = URL(fileURLWithPath: directory + "/manifest.json")
        guard let data = try? Data(contentsOf: url) else {
            throw Failure(
                description: "DICOM sample corpus missing: cannot read \(url.path). "
                    + "The tests need ../shared/dicom-samples beside the package (or LUCID_DICOM_SAMPLES).")
        }
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let files = root["files"] as? [[String: Any]]
        else { throw Failure(description: "manifest.json has no 'files' list") }
        return files
    }

    /// The manifest entry for one file.
    public static func entry(_ name: String) throws -> [String: Any] {
        guard let entry = try manifestEntries().first(where: { $0["file"] as? String == name }) else {
            throw Failure(description: "manifest.json has no entry for \(name)")
        }
        return entry
    }

    /// Names of the manifest's files.
    public static func fileNames() -> [String] {
        ((try? manifestEntries()) ?? []).compactMap { $0["file"] as? String }
    }
}
