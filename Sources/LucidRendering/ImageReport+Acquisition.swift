import LucidDICOM
import LucidImaging

extension ImageReport {
    /// What a technologist checks of the acquisition: study, series, equipment, anatomy and pixel
    /// size, as written in the header (text with its padding removed; nil when absent or empty).
    public struct Acquisition: Sendable, Equatable {
        public var studyDate: String?
        public var studyDescription: String?
        public var seriesNumber: Int?
        public var seriesDescription: String?
        public var manufacturer: String?
        public var manufacturerModelName: String?
        public var bodyPartExamined: String?
        /// Laterality (0020,0060) of the series: R, L or (for paired parts) empty.
        public var laterality: String?
        /// Image Laterality (0020,0062): R, L, U (unpaired) or B (both), mammography and DX.
        public var imageLaterality: String?
        /// View Position (0018,5101): PA, AP, LL, MLO, CC, ...
        public var viewPosition: String?
        /// Pixel Spacing (0028,0030), mm: between rows, then between columns; for enhanced
        /// multi-frame images, the shared Pixel Measures functional group's.
        public var pixelSpacing: [Double]?
        /// Imager Pixel Spacing (0018,1164), mm at the detector (projection radiography).
        public var imagerPixelSpacing: [Double]?

        public init(dataSet: DataSet) {
            studyDate = dataSet.string(.studyDate)
            studyDescription = dataSet.string(.studyDescription)
            seriesNumber = dataSet.integer(.seriesNumber)
            seriesDescription = dataSet.string(.seriesDescription)
            manufacturer = dataSet.string(.manufacturer)
            manufacturerModelName = dataSet.string(.manufacturerModelName)
            bodyPartExamined = dataSet.string(.bodyPartExamined)
            laterality = dataSet.string(.laterality)
            imageLaterality = dataSet.string(.imageLaterality)
            viewPosition = dataSet.string(.viewPosition)
            let shared = dataSet.sequence(.sharedFunctionalGroupsSequence)?.first?.sequence(.pixelMeasuresSequence)
            pixelSpacing = [dataSet, shared?.first].lazy.compactMap { $0?.doubles(.pixelSpacing) }
                .first { !$0.isEmpty }
            let imager = dataSet.doubles(.imagerPixelSpacing)
            imagerPixelSpacing = imager.isEmpty ? nil : imager
        }
    }

    /// The preset `--preset auto` takes for the file, and why.
    public struct AutoPresetChoice: Sendable, Equatable {
        public var preset: PipelinePreset
        /// The rule of `AutoPreset` that matched, e.g. `Modality CT and Body Part Examined CHEST`.
        public var rule: String
        /// What the preset's window step takes from this file, e.g. `window 1 of the file: center
        /// 40 width 400 LINEAR`; for a colour image, that it is shown as stored.
        public var window: String

        init(dataSet: DataSet, display: DisplayAttributes, isGrayscale: Bool) {
            let choice = AutoPreset.explain(
                modality: dataSet.string(.modality), bodyPart: dataSet.string(.bodyPartExamined))
            preset = choice.preset
            rule = choice.rule
            guard isGrayscale else {
                window = "colour image: shown as stored, the preset's steps do not apply"
                return
            }
            window = Self.describe(preset.steps?.window ?? .file(nil), display: display)
        }

        static func describe(_ spec: WindowSpec, display: DisplayAttributes) -> String {
            switch spec {
            case .preset(let preset):
                return "window \(preset.name): " + VOIChoice.describe(preset.window)
            case .file(nil):
                if let lut = display.voiLUTs.first { return "VOI LUT 1 of the file: " + VOIChoice.describe(lut) }
                if let index = display.windows.firstIndex(where: \.isValid) {
                    return "window \(index + 1) of the file: " + VOIChoice.describe(display.windows[index])
                }
                return "no usable VOI in the file: the automatic window"
            default:
                return "window \(spec)"
            }
        }

        /// One line: `ct-lung (Modality CT and Body Part Examined CHEST); window lung: ...`.
        public var text: String { "\(preset.name) (\(rule)); \(window)" }
    }
}

extension ImageReport.Acquisition {
    /// The facts under the keys `lucid info --json` documents, nil for an absent one.
    var jsonFields: [String: Any?] {
        [
            "studyDate": studyDate, "studyDescription": studyDescription, "seriesNumber": seriesNumber,
            "seriesDescription": seriesDescription, "manufacturer": manufacturer,
            "manufacturerModelName": manufacturerModelName, "bodyPartExamined": bodyPartExamined,
            "laterality": laterality, "imageLaterality": imageLaterality, "viewPosition": viewPosition,
            "pixelSpacing": pixelSpacing, "imagerPixelSpacing": imagerPixelSpacing,
        ]
    }

    /// The lines of `lucid info`'s text (not yet escaped), `-` for an absent value.
    var textLines: [String] {
        func show(_ value: Any?) -> String { value.map { "\($0)" } ?? "-" }
        func spacing(_ values: [Double]) -> String {
            values.count == 2
                ? "\(values[0]) mm between rows, \(values[1]) mm between columns"
                : values.map { "\($0)" }.joined(separator: "\\") + " mm"
        }
        var lines = [
            "  study:          \(show(studyDate))  \(show(studyDescription))",
            "  series:         \(show(seriesNumber))  \(show(seriesDescription))",
            "  equipment:      \(show(manufacturer))  \(show(manufacturerModelName))",
            "  anatomy:        body part \(show(bodyPartExamined)), laterality \(show(laterality)), "
                + "image laterality \(show(imageLaterality)), view \(show(viewPosition))",
            "  pixel spacing:  " + (pixelSpacing.map(spacing) ?? "-"),
        ]
        if let imagerPixelSpacing { lines.append("  imager spacing: " + spacing(imagerPixelSpacing) + " (detector)") }
        return lines
    }
}
