import LucidDICOM
import LucidImaging

/// Turns a `WindowSpec` into the VOI to apply to one frame (PS3.3 C.11.2): the file's windows and
/// VOI LUTs are alternatives; an invalid file window is reported and skipped, never divided by.
enum VOIChoice {
    static func resolve(
        _ options: RenderOptions, display: DisplayAttributes, frame: GrayImage<UInt16>, encoding: StoredValueEncoding,
        source: String, notes: inout [String]
    ) throws(RenderError) -> (VOITransform, String) {
        func overridden(_ window: Window) -> Window {
            var result = window
            if let function = options.function { result.function = function }
            return result
        }
        func windowed(_ window: Window, _ origin: String) throws(RenderError) -> (VOITransform, String) {
            let chosen = overridden(window)
            guard chosen.isValid else { throw .invalidWindow(file: source, window: chosen) }
            return (.window(chosen), "\(origin): \(describe(chosen))")
        }
        switch options.window {
        case .file(nil):
            if let lut = display.voiLUTs.first {
                return (.lookupTable(lut), "VOI LUT 1 of file: \(describe(lut))")
            }
            for (index, window) in display.windows.enumerated() {
                let chosen = overridden(window)
                if chosen.isValid { return (.window(chosen), "window \(index + 1) of file: \(describe(chosen))") }
                notes.append("window \(index + 1) of the file (\(describe(chosen))) is invalid and was skipped")
                if options.fallback == .minmax { break }
            }
            return fallback(options, display: display, frame: frame, encoding: encoding, notes: &notes)
        case .file(let number?):
            guard number <= display.windows.count else {
                throw .windowNotInFile(file: source, requested: number, available: display.windows.count)
            }
            return try windowed(display.windows[number - 1], "window \(number) of file")
        case .lookupTable(let number):
            guard number <= display.voiLUTs.count else {
                throw .lookupTableNotInFile(file: source, requested: number, available: display.voiLUTs.count)
            }
            let lut = display.voiLUTs[number - 1]
            return (.lookupTable(lut), "VOI LUT \(number) of file: \(describe(lut))")
        case .explicit(let center, let width):
            return try windowed(Window(center: center, width: width), "requested window")
        case .preset(let preset):
            return try windowed(preset.window, "preset \(preset.name)")
        case .minmax:
            return minmax(display: display, frame: frame, encoding: encoding)
        case .automatic:
            return automatic(display: display, frame: frame, encoding: encoding)
        }
    }

    static func fallback(
        _ options: RenderOptions, display: DisplayAttributes, frame: GrayImage<UInt16>, encoding: StoredValueEncoding,
        notes: inout [String]
    ) -> (VOITransform, String) {
        switch options.fallback {
        case .minmax:
            return minmax(display: display, frame: frame, encoding: encoding)
        case .automatic:
            let (voi, text) = automatic(display: display, frame: frame, encoding: encoding)
            return (voi, "no usable VOI in file; " + text)
        }
    }

    static func minmax(display: DisplayAttributes, frame: GrayImage<UInt16>, encoding: StoredValueEncoding)
        -> (VOITransform, String)
    {
        let range =
            ModalityRange(image: frame, encoding: encoding, modality: display.modality)
            ?? ModalityRange(minimum: 0, maximum: 0)
        return (
            range.linearVOI,
            "min/max of modality values: \(Renderer.format(range.minimum))...\(Renderer.format(range.maximum))"
        )
    }

    static func automatic(display: DisplayAttributes, frame: GrayImage<UInt16>, encoding: StoredValueEncoding)
        -> (VOITransform, String)
    {
        let padding = display.paddingRange.map { PixelPadding(value: $0.lowerBound, rangeLimit: $0.upperBound) }
        let window = Window.automatic(image: frame, encoding: encoding, modality: display.modality, padding: padding)
        return (.window(window), "automatic: \(describe(window))")
    }

    static func describe(_ window: Window) -> String {
        var text =
            "center \(Renderer.format(window.center)) width \(Renderer.format(window.width)) \(window.function.rawValue)"
        if let explanation = window.explanation { text += " \"\(explanation)\"" }
        return text
    }

    static func describe(_ lut: LookupTable) -> String {
        var text = "\(lut.entries.count) entries from \(lut.firstMappedValue), \(lut.bitsPerEntry) bits"
        if let explanation = lut.explanation { text += " \"\(explanation)\"" }
        return text
    }
}
