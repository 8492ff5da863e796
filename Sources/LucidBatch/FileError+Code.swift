import LucidArchive
import LucidCodecs
import LucidDICOM
import LucidDeidentify
import LucidRendering

extension FileError {
    /// A stable, machine-readable name of the cause, `FAMILY.CASE` (`dicom.truncatedPixelData`,
    /// `archive.busy`, `write.file`): the family says which stage failed, the case is the cause's
    /// own case. Every code is listed in README.md ("lucid process", `--json`).
    public var code: String {
        switch self {
        case .input(_, let error): return "input." + Self.caseName(error)
        case .dicom(_, let error): return "dicom." + Self.caseName(error)
        case .png(_, let error, _): return "png." + Self.caseName(error)
        case .frameOutOfRange: return "frame.outOfRange"
        case .render(_, _, let error): return Self.code(error)
        case .noRenditionFormat: return "settings.noRenditionFormat"
        case .encode(_, _, let error): return "encode." + Self.caseName(error)
        case .derivedDICOM(_, _, let error): return "derived." + Self.caseName(error)
        case .outputFolder: return "write.folder"
        case .write: return "write.file"
        case .archive(_, let error): return "archive." + Self.caseName(error)
        case .conflict: return "archive.conflict"
        case .interrupted: return "interrupted"
        case .unusable: return "input.unusable"
        case .pacs: return "pacs.upload"
        case .deidentify(_, let error): return "deidentify." + Self.caseName(error)
        }
    }

    /// `heldBack` for the burned-in rule (Burned In Annotation YES, or absent on a modality that
    /// burns text in), `cannotWrite` or `unreadable` otherwise.
    private static func caseName(_ error: DeidentifyError) -> String {
        switch error {
        case .burnedInAnnotation, .burnedInUnknown: return "heldBack"
        case .cannotWrite: return "cannotWrite"
        case .unreadable, .keyUnreadable, .keyTooOpen, .keyTooShort: return "unreadable"
        }
    }

    private static func caseName(_ error: InputFileError) -> String {
        switch error {
        case .cannotOpen: return "cannotOpen"
        case .notRegularFile: return "notRegularFile"
        case .readFailed: return "readFailed"
        }
    }

    private static func caseName(_ error: DICOMError) -> String {
        switch error {
        case .unreadable: return "unreadable"
        case .notDICOM: return "notDICOM"
        case .truncated: return "truncated"
        case .invalidLength: return "invalidLength"
        case .malformed: return "malformed"
        case .nestingTooDeep: return "nestingTooDeep"
        case .inflateFailed: return "inflateFailed"
        case .tooLarge: return "tooLarge"
        case .unsupportedTransferSyntax: return "unsupportedTransferSyntax"
        case .missingAttribute: return "missingAttribute"
        case .invalidAttribute: return "invalidAttribute"
        case .noPixelData: return "noPixelData"
        case .emptyPixelData: return "emptyPixelData"
        case .truncatedPixelData: return "truncatedPixelData"
        case .truncatedFrames: return "truncatedFrames"
        case .colourNotSupported: return "colourNotSupported"
        case .notGrayscale: return "notGrayscale"
        case .unsupportedPixelFormat: return "unsupportedPixelFormat"
        case .frameOutOfRange: return "frameOutOfRange"
        case .codec: return "codec"
        }
    }

    /// libpng's and libjpeg's own failures are `libpng` and `libjpeg`; a codestream's failure is
    /// named by its format (`jpeg2000`, `htj2k`, `jpegLS`, `jpegExtended`).
    private static func caseName(_ error: CodecError) -> String {
        switch error {
        case .png: return "libpng"
        case .jpeg: return "libjpeg"
        case .pngNotGrayscale: return "pngNotGrayscale"
        case .unsupportedPrecision: return "unsupportedPrecision"
        case .notGrayscale: return "notGrayscale"
        case .unsupportedComponentCount: return "unsupportedComponentCount"
        case .imageTooLarge: return "imageTooLarge"
        case .invalidQuality: return "invalidQuality"
        case .invalidCompressionLevel: return "invalidCompressionLevel"
        case .codestream(.jpegLS, _, _): return "jpegLS"
        case .codestream(.jpeg2000, _, _): return "jpeg2000"
        case .codestream(.htj2k, _, _): return "htj2k"
        case .codestream(.jpegExtended, _, _): return "jpegExtended"
        case .unsupportedCodestream: return "unsupportedCodestream"
        case .invalidTextKeyword: return "invalidTextKeyword"
        case .invalidTextValue: return "invalidTextValue"
        }
    }

    /// A frame whose DICOM does not decode has the `dicom` code of that cause.
    private static func code(_ error: RenderError) -> String {
        switch error {
        case .dicom(let error): return "dicom." + caseName(error)
        case .windowNotInFile: return "render.windowNotInFile"
        case .lookupTableNotInFile: return "render.lookupTableNotInFile"
        case .invalidWindow: return "render.invalidWindow"
        case .unusableModalityTransform: return "render.unusableModalityTransform"
        case .invalidStep: return "render.invalidStep"
        case .unsupportedDepth: return "render.unsupportedDepth"
        }
    }

    private static func caseName(_ error: DICOMWriteError) -> String {
        switch error {
        case .valueTooLong: return "valueTooLong"
        case .elementTooLong: return "elementTooLong"
        case .invalidUID: return "invalidUID"
        case .invalidCharacters: return "invalidCharacters"
        case .valueDoesNotFitVR: return "valueDoesNotFitVR"
        case .invalidNumber: return "invalidNumber"
        case .imageTooLarge: return "imageTooLarge"
        case .imageMismatch: return "imageMismatch"
        case .frameOutOfRange: return "frameOutOfRange"
        case .characterSetConflict: return "characterSetConflict"
        case .invalidWindow: return "invalidWindow"
        case .cannotCopy: return "cannotCopy"
        case .pixelDataDoesNotEncode: return "pixelDataDoesNotEncode"
        }
    }

    private static func caseName(_ error: ArchiveError) -> String {
        switch error {
        case .unreadable: return "unreadable"
        case .unwritable: return "unwritable"
        case .index: return "index"
        case .damagedIndex: return "damagedIndex"
        case .busy: return "busy"
        case .digest: return "digest"
        case .symbolicLink: return "symbolicLink"
        }
    }
}
