import LucidImaging

/// A grayscale frame ready for the display pipeline: 16-bit samples, how they stand for stored
/// values, and the display attributes that go with them.
public struct GrayFrame: Sendable {
    /// Offset-binary samples (see `StoredValueEncoding`).
    public var image: GrayImage<UInt16>
    public let encoding: StoredValueEncoding
    public let display: DisplayAttributes
    /// For data wider than 16 bits or float: the stored values' span mapped onto 0...65535.
    public let quantisation: WideQuantisation?
}

/// How a frame of more than 16 bits stored, or of float samples, is mapped onto 16-bit samples for
/// display: `sample = round((stored - lowest) / step)`, and the Modality LUT stage absorbs the step
/// so that every modality value, window and VOI LUT keeps its meaning (the error is at most half a
/// step, 1/131070 of the frame's span).
public struct WideQuantisation: Sendable, Equatable {
    /// The lowest finite stored value of the frame, mapped to sample 0.
    public let lowest: Double
    /// Stored-value units per sample step; 1 when the frame is flat.
    public let step: Double
}

extension DICOMImage {
    /// Frame `index` (0-based) of a grayscale image for display: at most 16 bits stored as
    /// `frame(index)` gives them; wider integer or float data quantised (see `WideQuantisation`).
    /// RT Dose without Rescale Slope scales by Dose Grid Scaling (3004,000E) to Gy (PS3.3 C.8.8.3).
    public func grayFrame(_ index: Int = 0) throws(DICOMError) -> GrayFrame {
        var display = display(frame: index)
        if pixel.isGrayscale, !pixel.isFloat, pixel.bitsAllocated <= 16 {
            return GrayFrame(image: try frame(index), encoding: pixel.encoding, display: display, quantisation: nil)
        }
        guard pixel.isGrayscale else {
            throw .notGrayscale(file: source, photometricInterpretation: pixel.photometricInterpretation)
        }
        let stored = try storedFrame(index)
        let values: [Double]
        switch stored.samples {
        case .float32(let floats): values = floats.map { Double($0) }
        case .float64(let doubles): values = doubles
        default: values = (0..<stored.samples.count).map { Double(stored.storedValue(at: $0)) }
        }
        let finite = values.lazy.filter { $0.isFinite }
        let lowest = finite.min() ?? 0, highest = finite.max() ?? 0
        let step = highest > lowest ? (highest - lowest) / 65535 : 1
        let samples = values.map { value -> UInt16 in
            guard value.isFinite else { return value > 0 ? 65535 : 0 }
            return UInt16(min(max(((value - lowest) / step).rounded(), 0), 65535))
        }
        let (slope, intercept) = try wideRescale(display.modality)
        display.modality = .rescale(slope: slope * step, intercept: intercept + slope * lowest)
        display.paddingRange = nil
        return GrayFrame(
            image: GrayImage(width: pixel.columns, height: pixel.rows, pixels: samples),
            encoding: StoredValueEncoding(bitsStored: 16, isSigned: false), display: display,
            quantisation: WideQuantisation(lowest: lowest, step: step))
    }

    /// The linear Modality LUT stage of wide data: Rescale Slope/Intercept, else Dose Grid Scaling
    /// for RT Dose, else identity. A Modality LUT Sequence cannot index such values and is refused.
    private func wideRescale(_ modality: ModalityTransform) throws(DICOMError) -> (Double, Double) {
        switch modality {
        case .rescale(let slope, let intercept): return (slope, intercept)
        case .identity:
            if dataSet.string(.modality) == "RTDOSE", let scaling = dataSet.double(.doseGridScaling), scaling > 0 {
                return (scaling, 0)
            }
            return (1, 0)
        case .lookupTable:
            throw .unsupportedPixelFormat(
                file: source, tag: .modalityLUTSequence,
                reason: "a Modality LUT Sequence on \(pixel.bitsStored)-bit data (its entries index at most 16 bits)")
        }
    }
}
