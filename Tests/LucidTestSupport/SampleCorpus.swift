import Foundation

/// The shared corpora of real DICOM files and their `manifest.json`: `../shared/dicom-samples`
/// beside the package (or the folder named by `LUCID_DICOM_SAMPLES`), and the codec set
/// `../shared/dicom-codecs` (or `LUCID_DICOM_CODECS`). A missing corpus is a test failure, never
/// a silent skip.
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

    /// The codec set: JPEG-LS, JPEG 2000, 12-bit JPEG, colour and 1- to 32-bit files.
    public static var codecsDirectory: String {
        if let override = ProcessInfo.processInfo.environment["LUCID_DICOM_CODECS"] { return override }
        return packageRoot + "/../shared/dicom-codecs"
    }

    /// A file of the codec set.
    public static func codecsPath(_ name: String) -> String { codecsDirectory + "/" + name }

    /// The dose set: radiation dose reports and image headers with dose attributes, and their
    /// `dose-manifest.json` (`../shared/dose-samples`, or `LUCID_DOSE_SAMPLES`).
    public static var doseDirectory: String {
        if let override = ProcessInfo.processInfo.environment["LUCID_DOSE_SAMPLES"] { return override }
        return packageRoot + "/../shared/dose-samples"
    }

    /// A file of the dose set.
    public static func dosePath(_ name: String) -> String { doseDirectory + "/" + name }

    /// Every file entry of the dose set's `dose-manifest.json`; a missing set is an error.
    public static func doseEntries() throws -> [[String: Any]] {
        try entries(in: doseDirectory, manifest: "dose-manifest.json")
    }

    /// Every file entry of the codec set's manifest.
    public static func codecEntries() throws -> [[String: Any]] { try entries(in: codecsDirectory) }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Every file entry of the manifest, as JSON dictionaries.
    public static func manifestEntries() throws -> [[String: Any]] { try entries(in: directory) }

    private static func entries(in directory: String, manifest: String = "manifest.json") throws -> [[String: Any]] {
        let url = URL(fileURLWithPath: directory + "/" + manifest)
        guard let data = try? Data(contentsOf: url) else {
            throw Failure(
                description: "DICOM sample corpus missing: cannot read \(url.path). The tests need "
                    + "../shared/dicom-samples, ../shared/dicom-codecs and ../shared/dose-samples beside the "
                    + "package (or LUCID_DICOM_SAMPLES, LUCID_DICOM_CODECS and LUCID_DOSE_SAMPLES).")
        }
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let files = root["files"] as? [[String: Any]]
        else { throw Failure(description: "\(manifest) has no 'files' list") }
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
