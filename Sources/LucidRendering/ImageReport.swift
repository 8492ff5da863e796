import LucidDICOM
import LucidImaging

/// The facts a technologist checks before processing a file (`lucid info`): identification, pixel
/// module, rescale, every window, LUT sequences and the value range of frame 1.
public struct ImageReport: Sendable, Equatable {
    public struct WindowFact: Sendable, Equatable {
        public var center: Double
        public var width: Double
        public var function: String
        public var explanation: String?
        public var isValid: Bool
    }

    /// Range of frame 1's values, stored and after the Modality LUT.
    public struct ValueRange: Sendable, Equatable {
        public var storedMinimum: Int
        public var storedMaximum: Int
        public var modalityMinimum: Double
        public var modalityMaximum: Double
    }

    public var file: String
    public var patientID: String?
    public var patientName: String?
    public var studyInstanceUID: String?
    public var seriesInstanceUID: String?
    public var sopInstanceUID: String?
    public var modality: String?
    public var sopClassUID: String?
    public var transferSyntaxUID: String?
    public var transferSyntaxName: String?
    /// Study, series, equipment, anatomy and pixel size (nil when the file could not be read).
    public var acquisition: Acquisition?
    /// What `--preset auto` chooses for the file (nil when its pixel module could not be read).
    public var autoPreset: AutoPresetChoice?
    public var rows: Int?
    public var columns: Int?
    public var frames: Int?
    public var bitsAllocated: Int?
    public var bitsStored: Int?
    public var highBit: Int?
    public var pixelRepresentation: Int?
    public var photometricInterpretation: String?
    public var rescaleSlope: Double?
    public var rescaleIntercept: Double?
    public var rescaleType: String?
    public var windows: [WindowFact] = []
    public var hasVOILUTSequence = false
    public var hasModalityLUTSequence = false
    public var pixelPaddingRange: ClosedRange<Int>?
    public var valueRange: ValueRange?
    /// Why the pixels could not be decoded (the header was read).
    public var pixelDataError: String?
    /// Why the file could not be read at all.
    public var error: String?

    /// Reads the file at `path` within `limits`; never throws: failures land in `error` or
    /// `pixelDataError`.
    public init(path: String, limits: ReadLimits = .standard) {
        do throws(DICOMError) {
            self.init(file: try DICOMFile.read(path: path, limits: limits), limits: limits)
        } catch {
            self.init(unreadable: path, error: error.description)
        }
    }

    init(unreadable path: String, error: String) {
        file = path
        self.error = error
    }

    /// Reports on a parsed file, decoding frame 1 within `limits`.
    public init(file dicomFile: DICOMFile, limits: ReadLimits = .standard) {
        file = dicomFile.source
        let dataSet = dicomFile.dataSet
        patientID = dataSet.string(.patientID)
        patientName = dataSet.string(.patientName)
        studyInstanceUID = dataSet.string(.studyInstanceUID)
        seriesInstanceUID = dataSet.string(.seriesInstanceUID)
        sopInstanceUID = dataSet.string(.sopInstanceUID)
        modality = dataSet.string(.modality)
        sopClassUID = dataSet.string(.sopClassUID)
        transferSyntaxUID = dicomFile.transferSyntax.uid
        transferSyntaxName = dicomFile.transferSyntax.name
        acquisition = Acquisition(dataSet: dataSet)
        let image: DICOMImage
        do throws(DICOMError) {
            image = try DICOMImage(file: dicomFile, limits: limits)
        } catch {
            self.error = error.description
            return
        }
        rows = image.pixel.rows
        columns = image.pixel.columns
        frames = image.pixel.numberOfFrames
        bitsAllocated = image.pixel.bitsAllocated
        bitsStored = image.pixel.bitsStored
        highBit = image.pixel.highBit
        pixelRepresentation = image.pixel.pixelRepresentation
        photometricInterpretation = image.pixel.photometricInterpretation
        let display = image.display(frame: 0)
        rescaleSlope = display.rescaleSlope
        rescaleIntercept = display.rescaleIntercept
        rescaleType = display.rescaleType
        windows = display.windows.map {
            WindowFact(
                center: $0.center, width: $0.width, function: $0.function.rawValue, explanation: $0.explanation,
                isValid: $0.isValid)
        }
        hasVOILUTSequence = display.hasVOILUTSequence
        hasModalityLUTSequence = display.hasModalityLUTSequence
        pixelPaddingRange = display.paddingRange
        autoPreset = AutoPresetChoice(dataSet: dataSet, display: display, isGrayscale: image.pixel.isGrayscale)
        do throws(DICOMError) {
            if image.pixel.isGrayscale, !image.pixel.isFloat, image.pixel.bitsAllocated <= 16 {
                let frame = try image.frame(0)
                valueRange = ImageReport.range(of: frame, encoding: image.pixel.encoding, modality: display.modality)
            } else {
                valueRange = try ImageReport.wideRange(image)
            }
        } catch {
            pixelDataError = error.description
        }
    }

    /// The range of frame 1 of a colour, wider than 16-bit or float image, from one decode: colour
    /// over every stored sample (modality values are the stored values); grayscale from its 16-bit
    /// quantisation, whose lowest and highest samples stand for the frame's lowest and highest
    /// stored values (floats to within half a step) and whose Modality LUT stage gives theirs.
    static func wideRange(_ image: DICOMImage) throws(DICOMError) -> ValueRange? {
        guard image.pixel.isGrayscale else {
            let stored = try image.storedFrame(0)
            let values = (0..<stored.samples.count).map(stored.storedValue(at:))
            guard let lowest = values.min(), let highest = values.max() else { return nil }
            return ValueRange(
                storedMinimum: lowest, storedMaximum: highest, modalityMinimum: Double(lowest),
                modalityMaximum: Double(highest))
        }
        let gray = try image.grayFrame(0)
        guard let quantisation = gray.quantisation, let top = gray.image.pixels.max() else { return nil }
        let highest = quantisation.lowest + quantisation.step * Double(top)
        let ends = [0, Int(top)].map(gray.display.modality.modalityValue(ofStored:))
        return ValueRange(
            storedMinimum: Int(quantisation.lowest.rounded()),
            storedMaximum: Int(highest.rounded()), modalityMinimum: ends.min() ?? 0,
            modalityMaximum: ends.max() ?? 0)
    }

    static func range(of frame: GrayImage<UInt16>, encoding: StoredValueEncoding, modality: ModalityTransform)
        -> ValueRange?
    {
        let histogram = SampleHistogram(image: frame, encoding: encoding)
        guard let samples = histogram.sampleRange, let values = ModalityRange(histogram: histogram, modality: modality)
        else { return nil }
        return ValueRange(
            storedMinimum: encoding.storedValue(ofSample: UInt16(samples.lowerBound)),
            storedMaximum: encoding.storedValue(ofSample: UInt16(samples.upperBound)),
            modalityMinimum: values.minimum, modalityMaximum: values.maximum)
    }
}
