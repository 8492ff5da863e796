import LucidDICOM
import LucidDose
import LucidTestSupport
import Testing

/// Reading the dose set's files and comparing values as its manifest asks (0.01 %).
enum DoseSamples {
    static func facts(_ name: String) throws -> DoseFacts {
        DoseFacts(dataSet: try DICOMFile.read(path: SampleCorpus.dosePath(name)).dataSet)
    }

    static func root(_ name: String) throws -> SRContentItem? {
        SRContentTree.root(of: try DICOMFile.read(path: SampleCorpus.dosePath(name)).dataSet)
    }

    /// True when `value` is within 0.01 % of `expected` (exactly equal for 0).
    static func close(_ value: Double, _ expected: Double) -> Bool {
        abs(value - expected) <= abs(expected) * 1e-4
    }

    static func close(_ values: [Double], _ expected: [Double]) -> Bool {
        values.count == expected.count && zip(values, expected).allSatisfy { close($0, $1) }
    }

    /// The UCUM spelling each unit the vendors wrote must be normalised to.
    static let normalisedUnits = [
        "mGycm": "mGy.cm", "mGy.cm": "mGy.cm", "mGy": "mGy", "Gy": "Gy", "Gy.m2": "Gy.m2", "dGy.cm2": "dGy.cm2",
    ]
}
