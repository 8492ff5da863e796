/// Which of the `ReadLimits` a file exceeded.
public enum ReadLimit: String, Sendable, Equatable, CaseIterable {
    case fileBytes, inflatedBytes, framePixels, imageBytes, frames, memoryBudget, elementCount

    /// What the limit measures, for messages.
    public var measure: String {
        switch self {
        case .fileBytes: return "file size in bytes"
        case .inflatedBytes: return "inflated data set size in bytes"
        case .framePixels: return "pixels in one frame (Rows x Columns)"
        case .imageBytes: return "declared image size in bytes (Rows x Columns x Frames x Samples x Bits Allocated / 8)"
        case .frames: return "number of frames (0028,0008)"
        case .memoryBudget:
            return "memory the file needs in bytes (file + inflated data set + Rows x Columns x Samples x 2 x "
                + "(\(ReadLimits.workingCopies) working copies + 1 for every frame held))"
        case .elementCount: return "number of data elements, items and fragments"
        }
    }

    /// How a user raises it, for messages.
    public var setting: String {
        switch self {
        case .imageBytes: return "ReadLimits.maximumImageBytes; in the CLI --max-image-memory SIZE"
        case .fileBytes: return "ReadLimits.maximumFileBytes; in the CLI --max-file-size SIZE"
        case .inflatedBytes: return "ReadLimits.maximumInflatedBytes"
        case .framePixels: return "ReadLimits.maximumFramePixels"
        case .frames: return "ReadLimits.maximumFrames; in the CLI --max-frames N"
        case .memoryBudget:
            return "ReadLimits.memoryBudget; in the CLI the budget of one job, --max-memory SIZE divided by --jobs"
        case .elementCount: return "ReadLimits.maximumElementCount"
        }
    }

    /// What to do about it, for messages.
    public var advice: String {
        switch self {
        case .fileBytes: return "Check that the input is the DICOM file meant; if it is, raise the limit."
        case .memoryBudget:
            return "Raise --max-memory, or run fewer --jobs so that each job gets more; if the file is hostile, "
                + "leave the budget as it is."
        default: return "The file is probably corrupt or hostile; if it is genuine, raise the limit."
        }
    }
}
