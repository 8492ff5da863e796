import LucidImaging

/// What a data set says about displaying one frame (PS3.3 C.11, PS3.4 Annex N): the Modality LUT,
/// the windows and VOI LUTs it offers, the inversion, and pixel padding. For enhanced multi-frame
/// images the values come from the frame's Per-frame Functional Groups item, else the Shared
/// Functional Groups (PS3.3 C.7.6.16), else the top level.
public struct DisplayAttributes: Sendable, Equatable {
    /// Stored values to modality values; `.identity` for XA/XRF (PS3.3 C.8.7.1.1.2).
    public var modality: ModalityTransform
    /// Every valid or invalid window the file offers, in file order (alternatives, PS3.3 C.11.2.1.2).
    public var windows: [Window]
    /// Every usable VOI LUT Sequence (0028,3010) item.
    public var voiLUTs: [LookupTable]
    /// MONOCHROME1, or Presentation LUT Shape (2050,0020) INVERSE: invert once after VOI.
    public var invert: Bool
    /// Pixel Padding Value (0028,0120) and Pixel Padding Range Limit (0028,0121) as stored values,
    /// ordered low...high; nil when absent.
    public var paddingRange: ClosedRange<Int>?
    /// True when the file has a Modality LUT Sequence item with data (even if XA rules ignore it).
    public var hasModalityLUTSequence: Bool
    /// True when the file has a VOI LUT Sequence item with data.
    public var hasVOILUTSequence: Bool
    /// Rescale Slope / Intercept as found (top level or functional groups), for reports.
    public var rescaleSlope: Double?
    public var rescaleIntercept: Double?
    /// Rescale Type (0028,1054), e.g. HU.
    public var rescaleType: String?

    /// SOP classes whose Modality LUT must not be applied for display (XA, XRF, retired bi-plane XA,
    /// enhanced XA/XRF).
    static let xrayAngiographySOPClasses: Set<String> = [
        "1.2.840.10008.5.1.4.1.1.12.1", "1.2.840.10008.5.1.4.1.1.12.2", "1.2.840.10008.5.1.4.1.1.12.3",
        "1.2.840.10008.5.1.4.1.1.12.1.1", "1.2.840.10008.5.1.4.1.1.12.2.1",
    ]

    /// Reads the display attributes for frame `frameIndex` (0-based).
    public init(dataSet: DataSet, pixel: ImagePixelDescription, frameIndex: Int = 0) {
        let scopes = DisplayAttributes.scopes(dataSet, frameIndex: frameIndex)
        let signedInput = pixel.pixelRepresentation == 1

        var slope: Double?
        var intercept: Double?
        var type: String?
        for scope in scopes where slope == nil || intercept == nil {
            let transformation = scope.sequence(.pixelValueTransformationSequence)?.first ?? scope
            if let s = transformation.double(.rescaleSlope), let i = transformation.double(.rescaleIntercept) {
                slope = s
                intercept = i
                type = transformation.string(.rescaleType)
            }
        }
        rescaleSlope = slope
        rescaleIntercept = intercept
        rescaleType = type

        let modalityLUT = dataSet.sequence(.modalityLUTSequence)?.first.flatMap {
            DisplayAttributes.lookupTable($0, signedFirstValue: signedInput)
        }
        hasModalityLUTSequence = modalityLUT != nil
        let sopClass = dataSet.string(.sopClassUID) ?? ""
        if DisplayAttributes.xrayAngiographySOPClasses.contains(sopClass) {
            modality = .identity
        } else if let modalityLUT {
            modality = .lookupTable(modalityLUT)
        } else if let slope, let intercept, slope != 0 || intercept != 0 {
            modality = (slope == 1 && intercept == 0) ? .identity : .rescale(slope: slope, intercept: intercept)
        } else {
            modality = .identity
        }

        var windows: [Window] = []
        for scope in scopes where windows.isEmpty {
            let voi = scope.sequence(.frameVOILUTSequence)?.first ?? scope
            windows = DisplayAttributes.windows(voi)
        }
        self.windows = windows

        let outputMayBeNegative: Bool
        switch modality {
        case .identity: outputMayBeNegative = signedInput
        case .rescale(let slope, let intercept): outputMayBeNegative = signedInput || intercept < 0 || slope < 0
        case .lookupTable: outputMayBeNegative = false
        }
        voiLUTs = (dataSet.sequence(.voiLUTSequence) ?? []).compactMap {
            DisplayAttributes.lookupTable($0, signedFirstValue: outputMayBeNegative)
        }
        hasVOILUTSequence = !voiLUTs.isEmpty

        let shape = dataSet.string(.presentationLUTShape)?.uppercased()
        invert = pixel.isMonochrome1 || (shape == "INVERSE" && pixel.photometricInterpretation == "MONOCHROME2")
        paddingRange = DisplayAttributes.padding(dataSet, pixel: pixel)
    }

    /// The places to look, most specific first: the frame's per-frame item, the shared item, the top level.
    static func scopes(_ dataSet: DataSet, frameIndex: Int) -> [DataSet] {
        var scopes: [DataSet] = []
        if let perFrame = dataSet.sequence(.perFrameFunctionalGroupsSequence), frameIndex < perFrame.count {
            scopes.append(perFrame[frameIndex])
        }
        if let shared = dataSet.sequence(.sharedFunctionalGroupsSequence)?.first { scopes.append(shared) }
        scopes.append(dataSet)
        return scopes
    }
}
