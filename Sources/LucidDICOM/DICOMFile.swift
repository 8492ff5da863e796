import Foundation

/// A DICOM file read into memory: File Meta Information (when present), the transfer syntax and
/// the data set (PS3.10 §7).
///
/// Part 10 files (128-byte preamble and `DICM`) are read, and so are files without the preamble
/// (starting at `DICM` or directly at the File Meta group) and old ACR-NEMA style files with no File
/// Meta at all, whose encoding is inferred from the first element (Implicit VR Little Endian unless
/// it plainly carries an explicit VR).
public struct DICOMFile: Sendable {
    /// The file's path, or the label given for bytes from elsewhere (e.g. `<stdin>`); used in errors.
    public let source: String
    /// True when the file starts with the 128-byte preamble and `DICM`.
    public let hasPreamble: Bool
    /// The File Meta Information group (0002,xxxx), or nil for ACR-NEMA style files.
    public let fileMeta: DataSet?
    public let transferSyntax: TransferSyntax
    /// True when there was no Transfer Syntax UID and the encoding was inferred.
    public let isTransferSyntaxInferred: Bool
    /// The main data set.
    public let dataSet: DataSet
    /// The size of the file as read, bytes.
    public let byteCount: Int

    /// Parses a file held in memory. `source` names it in error messages.
    public init(bytes: [UInt8], source: String, limits: ReadLimits = .standard) throws(DICOMError) {
        self.source = source
        byteCount = bytes.count
        let start = Part10Layout.detect(bytes, fileSize: bytes.count)
        let counter = ElementCounter()
        switch start {
        case .none(let reason):
            throw .notDICOM(file: source, reason: reason)
        case .fileMeta(let metaOffset, let preamble):
            hasPreamble = preamble
            let metaParser = DataSetParser(
                buffer: bytes, file: source, isExplicitVR: true, isBigEndian: false, limits: limits,
                counter: counter)
            let metaEnd = Part10Layout.endOfFileMeta(bytes, from: metaOffset)
            let (meta, next) = try metaParser.parseDataSet(
                from: metaOffset, to: metaEnd, depth: 0, untilItemDelimiter: false)
            fileMeta = meta
            if let uid = meta.string(.transferSyntaxUID) {
                transferSyntax = TransferSyntax(uid: uid)
                isTransferSyntaxInferred = false
            } else {
                transferSyntax = Part10Layout.inferSyntax(bytes, at: next)
                isTransferSyntaxInferred = true
            }
            dataSet = try DICOMFile.parseMainDataSet(
                bytes, from: next, syntax: transferSyntax, source: source, limits: limits, counter: counter)
        case .dataSet(let syntax):
            hasPreamble = false
            fileMeta = nil
            transferSyntax = syntax
            isTransferSyntaxInferred = true
            dataSet = try DICOMFile.parseMainDataSet(
                bytes, from: 0, syntax: syntax, source: source, limits: limits, counter: counter)
        }
    }

    private static func parseMainDataSet(
        _ bytes: [UInt8], from offset: Int, syntax: TransferSyntax, source: String, limits: ReadLimits,
        counter: ElementCounter
    ) throws(DICOMError) -> DataSet {
        var buffer = bytes
        var start = offset
        if syntax.isDeflated {
            // The file's bytes are held while its data set is inflated: the budget has the rest.
            let budgetLeft = max(0, limits.memoryBudget - bytes.count)
            let budgetBinds = budgetLeft < limits.maximumInflatedBytes
            do {
                buffer = try Inflate.inflate(bytes[offset...], limit: min(limits.maximumInflatedBytes, budgetLeft))
            } catch {
                switch error {
                case .tooLarge(let size) where budgetBinds:
                    let (needed, overflow) = bytes.count.addingReportingOverflow(size)
                    throw .tooLarge(
                        file: source, tag: .transferSyntaxUID, offset: offset, limit: .memoryBudget,
                        value: overflow ? .max : needed, maximum: limits.memoryBudget)
                case .tooLarge(let size):
                    throw .tooLarge(
                        file: source, tag: .transferSyntaxUID, offset: offset, limit: .inflatedBytes, value: size,
                        maximum: limits.maximumInflatedBytes)
                case .corrupt(let reason):
                    throw .inflateFailed(file: source, offset: offset, reason: reason)
                }
            }
            start = 0
        }
        let parser = DataSetParser(
            buffer: buffer, file: source, isExplicitVR: syntax.isExplicitVR, isBigEndian: syntax.isBigEndian,
            limits: limits, counter: counter)
        return try parser.parseDataSet(from: start, to: buffer.count, depth: 0, untilItemDelimiter: false).0
    }
}
