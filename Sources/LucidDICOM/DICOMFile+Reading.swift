import Foundation
import LucidFiles

extension DICOMFile {
    /// How many bytes are read first to tell whether a file may be DICOM: the 128-byte preamble and
    /// `DICM` (PS3.10 §7.1), which also holds the first element of a file without them.
    public static let sniffLength = 132

    /// Reads and parses the file at `path` (a `FileSystemName` string; a pipe or device is read
    /// too, up to the limit) within `limits`, its memory budget included. The first `sniffLength`
    /// bytes are read first: a file that starts like no DICOM file is refused as `.notDICOM` without
    /// reading the rest.
    public static func read(path: String, limits: ReadLimits = .standard) throws(DICOMError) -> DICOMFile {
        let limit = min(limits.maximumFileBytes, limits.memoryBudget)
        do throws(DICOMError) {
            let file = try open(path: path, limit: .max)
            let head = try read(file, upTo: sniffLength)
            if let reason = notDICOMReason(head: head, fileSize: file.isRegularFile ? file.size : .max) {
                throw .notDICOM(file: path, reason: reason)
            }
            try checkSize(of: file, limit: limit)
            let bytes = try readRemaining(of: file, after: head, limit: limit)
            return try DICOMFile(bytes: bytes, source: path, limits: limits)
        } catch {
            throw limits.namingBudget(error)
        }
    }

    /// Reads a whole file into memory, refusing files above `limit` bytes: a regular file by its size
    /// when opened, anything else (a device, a pipe, a file still growing) by stopping at
    /// `limit + 1` bytes.
    public static func readBytes(path: String, limit: Int) throws(DICOMError) -> [UInt8] {
        let file = try open(path: path, limit: limit)
        return try readRemaining(of: file, after: [], limit: limit)
    }

    /// Opens `path` for reading, as named by a user: a regular file, a pipe or a device, not a
    /// folder (see `InputFile`), and checks a regular file's size against `limit`, bytes.
    /// - Throws: `.unreadable` for a path that cannot be opened or is a folder, `.tooLarge` for a
    ///   file above `limit`.
    public static func open(path: String, limit: Int) throws(DICOMError) -> InputFile {
        let file: InputFile
        do throws(InputFileError) {
            file = try InputFile(path: path, regularFilesOnly: false)
        } catch {
            throw .unreadable(file: path, reason: error.reason)
        }
        try checkSize(of: file, limit: limit)
        return file
    }

    /// Refuses an opened file larger than `limit` bytes with `.tooLarge`.
    public static func checkSize(of file: InputFile, limit: Int) throws(DICOMError) {
        guard file.size <= limit else {
            throw .tooLarge(file: file.path, tag: nil, offset: nil, limit: .fileBytes, value: file.size, maximum: limit)
        }
    }

    /// The next `count` bytes of `file`, fewer at its end.
    public static func read(_ file: InputFile, upTo count: Int) throws(DICOMError) -> [UInt8] {
        do throws(InputFileError) {
            return try file.read(upTo: count)
        } catch {
            throw .unreadable(file: file.path, reason: error.reason)
        }
    }

    /// Nil when a file of `fileSize` bytes that starts with `head` (its first `sniffLength` bytes,
    /// or all of it when shorter) may be DICOM: a preamble and `DICM`, `DICM` at its start, or a
    /// plausible first element (an even group, a known VR or a length that fits the file); else
    /// why it is not.
    public static func notDICOMReason(head: [UInt8], fileSize: Int) -> String? {
        if case .none(let reason) = Part10Layout.detect(head, fileSize: max(fileSize, head.count)) { return reason }
        return nil
    }

    /// `head` followed by the rest of `file`, refusing more than `limit` bytes in all: reading
    /// stops at `limit + 1` bytes with `DICOMError.tooLarge`, so nothing larger is held.
    public static func readRemaining(of file: InputFile, after head: [UInt8], limit: Int) throws(DICOMError)
        -> [UInt8]
    {
        let chunk = 1 << 20
        var bytes = head
        if file.isRegularFile, head.count <= limit {
            // What the file held when opened, and one byte more to see whether it grew, read
            // straight into one array; a file that grew, or a pipe, goes on in chunks.
            let expected = min(max(file.size - head.count, 0) + 1, limit + 1 - head.count)
            do throws(InputFileError) {
                bytes = try file.read(after: head, upTo: expected)
            } catch {
                throw .unreadable(file: file.path, reason: error.reason)
            }
            if bytes.count < head.count + expected { return bytes }
        } else {
            bytes.reserveCapacity(min(max(file.size, head.count), limit) + 1)
        }
        while bytes.count <= limit {
            let wanted = limit - bytes.count >= chunk ? chunk : limit - bytes.count + 1
            let data = try read(file, upTo: wanted)
            if data.isEmpty { return bytes }
            bytes.append(contentsOf: data)
        }
        throw .tooLarge(file: file.path, tag: nil, offset: nil, limit: .fileBytes, value: bytes.count, maximum: limit)
    }

    /// Reads `handle` to its end (standard input, for example), refusing more than `limit` bytes:
    /// reading stops at `limit + 1` bytes with `DICOMError.tooLarge`, so nothing larger is held.
    /// `source` names the input in errors.
    public static func readBytes(from handle: FileHandle, source: String, limit: Int)
        throws(DICOMError) -> [UInt8]
    {
        let chunk = 1 << 20
        var bytes: [UInt8] = []
        while true {
            let wanted = limit - bytes.count >= chunk ? chunk : limit - bytes.count + 1
            let data: Data
            do {
                data = try handle.read(upToCount: wanted) ?? Data()
            } catch {
                throw .unreadable(file: source, reason: SystemErrorText.describe(error))
            }
            if data.isEmpty { return bytes }
            bytes.append(contentsOf: data)
            guard bytes.count <= limit else {
                throw .tooLarge(
                    file: source, tag: nil, offset: nil, limit: .fileBytes, value: bytes.count, maximum: limit)
            }
        }
    }
}
