import Foundation
import LucidDICOM
import LucidDeidentify
import LucidTestSupport

/// Keys, sample files and byte scans shared by the de-identification tests.
enum DeidentifyFixtures {
    static let key = Array("lucid-test-key-0123456789abcdef-0123".utf8)
    static let otherKey = Array("another-department-key-fedcba9876543210".utf8)

    static func deidentifier(key: [UInt8] = key, options: Set<ConfidentialityOption> = []) -> Deidentifier {
        var deidentifier = Deidentifier(
            profile: ConfidentialityProfile(options: options), pseudonymizer: Pseudonymizer(key: key),
            implementationVersion: "test")
        deidentifier.assumeNoBurnedIn = true
        return deidentifier
    }

    /// The dose report and dose image set beside the package (or `LUCID_DOSE_SAMPLES`).
    static var doseDirectory: String {
        ProcessInfo.processInfo.environment["LUCID_DOSE_SAMPLES"] ?? SampleCorpus.packageRoot
            + "/../shared/dose-samples"
    }

    /// Samples Lucid refuses to de-identify, with the reason: no SOP Instance UID to replace, or
    /// Pixel Data cut short.
    static let refused: Set<String> = [
        "mr_acrnema_bits_allocated_12.dcm", "mr_missing_rows.dcm", "ot_jpeg_baseline_gray8.dcm",
        "mr_small_truncated_pixeldata.dcm",
    ]

    /// Every `.dcm` of both sample sets, sorted.
    static func samplePaths() throws -> [String] {
        var paths: [String] = []
        for folder in [SampleCorpus.directory, doseDirectory] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            paths += names.filter { $0.hasSuffix(".dcm") }.sorted().map { folder + "/" + $0 }
        }
        return paths
    }

    /// Attributes whose values identify the patient, the visit or the instance.
    static let identifyingTags: Set<DICOMTag> = [
        .patientName, DICOMTag(0x0010, 0x0020), DICOMTag(0x0010, 0x0030), .accessionNumber,
        DICOMTag(0x0008, 0x0080), DICOMTag(0x0008, 0x0081), DICOMTag(0x0008, 0x0090), DICOMTag(0x0008, 0x1050),
        DICOMTag(0x0008, 0x1070), DICOMTag(0x0008, 0x1010), DICOMTag(0x0018, 0x1000), .studyDate,
        DICOMTag(0x0008, 0x0021), DICOMTag(0x0008, 0x0022), .contentDate, DICOMTag(0x0040, 0xA123),
        .studyInstanceUID, .seriesInstanceUID, .sopInstanceUID, DICOMTag(0x0020, 0x0052), .referencedSOPInstanceUID,
    ]

    /// The text values of `identifyingTags` anywhere in `dataSet`, at least 4 characters long
    /// (shorter ones, such as a sex or a one-digit ID, match by chance).
    static func identifyingValues(of dataSet: DataSet) -> Set<String> {
        var values: Set<String> = []
        for element in dataSet.elements {
            if let items = element.items {
                for item in items { values.formUnion(identifyingValues(of: item)) }
            } else if identifyingTags.contains(element.tag), case .text(let texts) = dataSet.value(of: element) {
                values.formUnion(texts.filter { $0.utf8.count >= 4 })
            }
        }
        return values
    }

    /// The text values of every other attribute anywhere in `dataSet`: a value the profile keeps
    /// legitimately elsewhere (a station named like its manufacturer) is no leak.
    static func otherValues(of dataSet: DataSet) -> Set<String> {
        var values: Set<String> = []
        for element in dataSet.elements {
            if let items = element.items {
                for item in items { values.formUnion(otherValues(of: item)) }
            } else if !identifyingTags.contains(element.tag), case .text(let texts) = dataSet.value(of: element) {
                values.formUnion(texts)
            }
        }
        return values
    }

    /// Every text value anywhere in `dataSet`.
    static func textValues(of dataSet: DataSet) -> [String] {
        var values: [String] = []
        for element in dataSet.elements {
            if let items = element.items {
                for item in items { values += textValues(of: item) }
            } else if case .text(let texts) = dataSet.value(of: element) {
                values += texts
            }
        }
        return values
    }

    /// Every UI value anywhere in `dataSet`.
    static func uids(of dataSet: DataSet) -> Set<String> {
        var values: Set<String> = []
        for element in dataSet.elements {
            if let items = element.items {
                for item in items { values.formUnion(uids(of: item)) }
            } else if dataSet.displayVR(of: element) == .UI, case .text(let texts) = dataSet.value(of: element) {
                values.formUnion(texts)
            }
        }
        return values
    }

    /// The file's bytes without the value of Pixel Data, whose samples could spell anything.
    static func headerBytes(of bytes: [UInt8], file: DICOMFile) -> [UInt8] {
        guard let pixels = file.dataSet[.pixelData] else { return bytes }
        let end = pixels.valueOffset + pixels.length
        return Array(bytes[..<pixels.offset]) + Array(bytes[min(end, bytes.count)...])
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        let first = needle[0]
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Pixel Data as stored: the native value, or every item of encapsulated data.
    static func pixelBytes(of dataSet: DataSet) -> [[UInt8]] {
        guard let element = dataSet[.pixelData] else { return [] }
        if let fragments = element.fragments { return fragments.map { Array(dataSet.bytes(of: $0)) } }
        return [Array(dataSet.valueBytes(of: element))]
    }
}
