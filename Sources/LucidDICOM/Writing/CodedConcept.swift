/// A coded concept: Code Value (0008,0100), Coding Scheme Designator (0008,0102) and Code Meaning
/// (0008,0104), the content of a Code Sequence item (PS3.3 Table 8.8-1).
public struct CodedConcept: Sendable, Hashable, CustomStringConvertible {
    public let value: String
    public let scheme: String
    public let meaning: String

    public init(value: String, scheme: String, meaning: String) {
        self.value = value
        self.scheme = scheme
        self.meaning = meaning
    }

    /// `(value, scheme, "meaning")`, as DCMTK's `dsrdump` prints a code.
    public var description: String { "(\(value),\(scheme),\"\(meaning)\")" }

    /// The Code Sequence item for this concept.
    public var item: WritableDataSet {
        var item = WritableDataSet()
        item.set(.codeValue, .SH, value)
        item.set(.codingSchemeDesignator, .SH, scheme)
        item.set(.codeMeaning, .LO, meaning)
        return item
    }

    // CID 7203 Image Derivation (PS3.16), for Derivation Code Sequence (0008,9215).

    /// (113087, DCM, "Smoothing"): median, non-local means, bilateral and other denoising.
    public static let smoothing = CodedConcept(value: "113087", scheme: "DCM", meaning: "Smoothing")
    /// (113088, DCM, "Gaussian blur").
    public static let gaussianBlur = CodedConcept(value: "113088", scheme: "DCM", meaning: "Gaussian blur")
    /// (113086, DCM, "Edge enhancement"): unsharp masking, sharpening.
    public static let edgeEnhancement = CodedConcept(value: "113086", scheme: "DCM", meaning: "Edge enhancement")

    // CID 7202 Source Image Purpose of Reference (PS3.16), for Purpose of Reference Code Sequence (0040,A170).

    /// (121322, DCM, "Source image for image processing operation").
    public static let sourceImageForProcessing = CodedConcept(
        value: "121322", scheme: "DCM", meaning: "Source image for image processing operation")
}
