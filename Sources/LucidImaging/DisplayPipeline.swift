/// Everything needed to turn stored samples into display values, in the order PS3.4 Annex N gives:
/// Modality LUT, then VOI LUT, then the MONOCHROME1 / Presentation LUT inversion, applied once,
/// in the output range (PS3.3 C.7.6.3.1.2).
public struct DisplayPipeline: Sendable, Equatable, Hashable {
    /// How the image's `UInt16` samples stand for stored values.
    public var encoding: StoredValueEncoding
    /// Stored values to modality values.
    public var modality: ModalityTransform
    /// Modality values to the output range.
    public var voi: VOITransform
    /// True for MONOCHROME1 (or Presentation LUT Shape INVERSE): the minimum is shown white.
    public var invert: Bool

    public init(encoding: StoredValueEncoding, modality: ModalityTransform, voi: VOITransform, invert: Bool) {
        self.encoding = encoding
        self.modality = modality
        self.voi = voi
        self.invert = invert
    }
}
