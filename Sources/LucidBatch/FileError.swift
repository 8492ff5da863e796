import LucidArchive
import LucidCodecs
import LucidDICOM
import LucidDeidentify
import LucidFiles
import LucidRendering

/// Why one input of `lucid process` failed: the input's path and the typed cause. `description` is
/// the message reported (JSON line, run manifest, summary), naming the file; `code` is a stable
/// machine-readable name of the cause (see `FileError+Code.swift`).
public enum FileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input could not be opened or read (missing, permission denied, an I/O error).
    case input(path: String, InputFileError)
    /// The DICOM file could not be read, checked against the limits, or its pixels decoded.
    case dicom(path: String, DICOMError)
    /// A 16-bit PNG input does not decode. `budgeted` is true when the pixel limit that refused it
    /// was lowered by the memory budget of one job.
    case png(path: String, CodecError, budgeted: Bool)
    /// `--frame` names a frame the file does not have; frames count from 1.
    case frameOutOfRange(path: String, frame: Int, frameCount: Int)
    /// Frame `frame` (from 1) could not be filtered, windowed or rendered.
    case render(path: String, frame: Int, RenderError)
    /// The settings ask for no rendition format, so no frame can be rendered.
    case noRenditionFormat(path: String)
    /// A rendition of frame `frame` (from 1) could not be encoded.
    case encode(path: String, frame: Int, CodecError)
    /// The derived DICOM of frame `frame` (from 1) could not be built.
    case derivedDICOM(path: String, frame: Int, DICOMWriteError)
    /// The folder of an output under `--out` could not be created.
    case outputFolder(path: String, folder: String, FileWriteError)
    /// An output under `--out` could not be written.
    case write(path: String, FileWriteError)
    /// The archive could not be read or written for this input.
    case archive(path: String, ArchiveError)
    /// The input claims the SOP Instance UID of an archived original with other bytes: kept apart by
    /// the archive, not processed. `archivedFrom` is the input the archived original was filed from
    /// (as the archive index records it), when known.
    case conflict(path: String, ArchiveConflict, archivedFrom: String? = nil)
    /// The run was interrupted (Ctrl-C, SIGTERM) before the input was done; nothing of it was filed.
    case interrupted(path: String, InterruptionPoint)
    /// An INPUT or `--files-from` path that is missing, a folder that cannot be listed, or a
    /// `--files-from` line that is not a path (`path` is then `LIST:LINE`); `reason` says which.
    case unusable(path: String, reason: String)
    /// The PACS did not take or confirm one of the file's instances: one reason per instance, each
    /// naming it; `causes` are the distinct reasons without the instances' names (`not pushed:
    /// dicomweb+http://…: unreachable`), shared by every file a PACS that is down fails.
    case pacs(path: String, reasons: [String], causes: [String] = [])
    /// With `--deidentify`: the input was held back by the burned-in rule, or could not be
    /// de-identified; nothing of it was written.
    case deidentify(path: String, DeidentifyError)

    /// Where an interrupted run left an input.
    public enum InterruptionPoint: Sendable, Equatable {
        /// Before any of its pixels were processed (the PACS presence check was cancelled).
        case beforeProcessing
        /// Between two frames: before `frame` (from 1) of `frameCount` frames to process.
        case beforeFrame(Int, of: Int)
    }

    /// The input's path, as given or as found below a folder argument.
    public var path: String {
        switch self {
        case .input(let path, _), .dicom(let path, _), .png(let path, _, _), .frameOutOfRange(let path, _, _),
            .render(let path, _, _), .noRenditionFormat(let path), .encode(let path, _, _),
            .derivedDICOM(let path, _, _), .outputFolder(let path, _, _), .write(let path, _),
            .archive(let path, _), .conflict(let path, _, _), .interrupted(let path, _), .unusable(let path, _),
            .pacs(let path, _, _), .deidentify(let path, _):
            return path
        }
    }

    public var description: String {
        switch self {
        case .input(let path, let error):
            return DICOMError.unreadable(file: path, reason: error.reason).description
        case .dicom(_, let error):
            return error.description
        case .png(let path, let error, let budgeted):
            let budget = budgeted ? " (set by the memory budget of one job, --max-memory SIZE divided by --jobs)" : ""
            return "\(path): cannot decode the PNG: \(error)\(budget)"
        case .frameOutOfRange(let path, let frame, let frameCount):
            return "\(path): frame \(frame) does not exist; the file has \(frameCount) frame(s)"
        case .render(_, _, let error):
            return error.description
        case .deidentify(_, let error):
            return error.description
        case .noRenditionFormat(let path):
            return "\(path): no rendition format was asked for"
        case .encode(let path, _, let error):
            return "\(path): cannot encode the rendering: \(error)"
        case .derivedDICOM(let path, _, let error):
            return "\(path): cannot write the derived DICOM: \(error)"
        case .outputFolder(let path, let folder, let error):
            return "\(path): cannot create the output folder \(folder): \(error.operation) failed: \(error.reason)"
        case .write(let path, let error):
            return "\(path): \(error)"
        case .archive(let path, let error):
            return error.description.hasPrefix(path) ? error.description : "\(path): \(error.description)"
        case .conflict(let path, let conflict, let archivedFrom):
            return Self.describe(conflict, path: path, archivedFrom: archivedFrom)
        case .unusable(let path, let reason):
            return "\(path): \(reason)"
        case .pacs(_, let reasons, _):
            return reasons.joined(separator: "; ")
        case .interrupted(let path, .beforeProcessing):
            return "\(path): not processed: interrupted"
        case .interrupted(let path, .beforeFrame(let frame, let frameCount)):
            return "\(path): interrupted before frame \(frame) of \(frameCount); nothing of this file was archived"
        }
    }

    /// The cause this failure shares with other files, naming none of them, so that a summary can
    /// list the files failing alike as one line: for a PACS upload, `PACS upload: ` and its causes
    /// (`not pushed: dicomweb+http://…: unreachable`). Nil for a failure of the file's own.
    public var sharedCause: String? {
        guard case .pacs(_, _, let causes) = self, !causes.isEmpty else { return nil }
        return "PACS upload: " + causes.joined(separator: "; ")
    }

    /// The message of a conflict: what is archived (and from which input), where this file was
    /// kept, what to do.
    private static func describe(_ conflict: ArchiveConflict, path: String, archivedFrom: String?) -> String {
        let source = archivedFrom.map { ", filed from \($0)" } ?? ""
        return "\(path): conflict: SOP Instance UID \(conflict.sopInstanceUID) is archived from another file "
            + "(\(conflict.archivedPath), SHA-256 \(conflict.archivedSHA256.prefix(16))...\(source)); this file (SHA-256 "
            + "\(conflict.sha256.prefix(16))...) was \(conflict.newlyKept ? "kept" : "already kept") as "
            + "\(conflict.keptAs) and not processed; the archived original is unchanged. Two different images "
            + "share one UID: have the sending system corrected"
    }
}
