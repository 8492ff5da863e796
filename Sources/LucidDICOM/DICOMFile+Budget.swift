import Foundation

/// Reading within a memory budget (`ReadLimits.memoryBudget`): a file is read only when both its
/// size limit and the budget allow it, and a refusal names whichever of the two is the smaller.
extension DICOMFile {
    /// The inflated data set's size for Deflated Explicit VR Little Endian (PS3.5 A.5), held beside
    /// the file's own bytes, bytes; 0 for every other transfer syntax.
    public var inflatedByteCount: Int { transferSyntax.isDeflated ? dataSet.buffer.count : 0 }

    /// Reads `handle` to its end within `limits.maximumFileBytes` and `limits.memoryBudget`,
    /// stopping one byte past the smaller; `source` names the input in errors.
    public static func readBytes(from handle: FileHandle, source: String, limits: ReadLimits)
        throws(DICOMError) -> [UInt8]
    {
        do {
            return try readBytes(from: handle, source: source, limit: min(limits.maximumFileBytes, limits.memoryBudget))
        } catch {
            throw limits.namingBudget(error)
        }
    }
}

extension ReadLimits {
    /// A file-size refusal as a budget refusal when the budget, not `maximumFileBytes`, was the
    /// limit applied; any other error unchanged.
    package func namingBudget(_ error: DICOMError) -> DICOMError {
        guard memoryBudget < maximumFileBytes,
            case .tooLarge(let file, let tag, let offset, .fileBytes, let value, _) = error
        else { return error }
        return .tooLarge(
            file: file, tag: tag, offset: offset, limit: .memoryBudget, value: value, maximum: memoryBudget)
    }
}
