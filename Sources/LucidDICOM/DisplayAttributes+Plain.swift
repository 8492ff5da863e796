import LucidImaging

extension DisplayAttributes {
    /// Display attributes for samples that do not come from a DICOM data set (for example a 16-bit
    /// PNG): no Modality LUT, no windows or VOI LUTs, no inversion and no padding unless given.
    public init(
        modality: ModalityTransform = .identity, windows: [Window] = [], voiLUTs: [LookupTable] = [],
        invert: Bool = false, paddingRange: ClosedRange<Int>? = nil
    ) {
        self.modality = modality
        self.windows = windows
        self.voiLUTs = voiLUTs
        self.invert = invert
        self.paddingRange = paddingRange
        hasModalityLUTSequence = false
        hasVOILUTSequence = !voiLUTs.isEmpty
        rescaleSlope = nil
        rescaleIntercept = nil
        rescaleType = nil
    }
}
