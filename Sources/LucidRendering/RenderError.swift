import LucidDICOM
import LucidImaging

/// Why a frame could not be rendered.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read or its pixels decoded.
    case dicom(DICOMError)
    /// `file:N` asked for a window the file does not have.
    case windowNotInFile(file: String, requested: Int, available: Int)
    /// `lut:N` asked for a VOI LUT the file does not have.
    case lookupTableNotInFile(file: String, requested: Int, available: Int)
    /// The chosen window is invalid for its function (PS3.3 C.11.2.1.2.1, C.11.2.1.3).
    case invalidWindow(file: String, window: Window)
    /// The Modality LUT stage gives unusable values (non-finite rescale).
    case unusableModalityTransform(file: String, reason: String)
    /// A processing step's parameters do not suit this image.
    case invalidStep(file: String, ImageOperationError)
    /// `--depth` other than 8 or 16.
    case unsupportedDepth(Int)

    public var description: String {
        switch self {
        case .dicom(let error):
            return error.description
        case .windowNotInFile(let file, let requested, let available):
            return
                "\(file): window \(requested) requested, but the file has \(available) window(s) (0028,1050)/(0028,1051). "
                + "Use `lucid info` to list them."
        case .lookupTableNotInFile(let file, let requested, let available):
            return
                "\(file): VOI LUT \(requested) requested, but the file has \(available) VOI LUT Sequence (0028,3010) item(s)."
        case .invalidWindow(let file, let window):
            let rule = window.function == .linear ? "width >= 1" : "width > 0"
            return
                "\(file): window center \(window.center) width \(window.width) is invalid for \(window.function.rawValue) "
                + "(it needs \(rule), PS3.3 C.11.2.1.2). Choose another window with --window."
        case .unusableModalityTransform(let file, let reason):
            return "\(file): the Modality LUT stage is unusable: \(reason)."
        case .invalidStep(let file, let error):
            return "\(file): \(error)"
        case .unsupportedDepth(let depth):
            return "unsupported output depth \(depth): use 8 or 16."
        }
    }
}
