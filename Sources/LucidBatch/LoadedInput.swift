import LucidCodecs
import LucidDICOM
import LucidDeidentify
import LucidDose
import LucidImaging
import LucidPNG

/// An input file read and recognised: a DICOM image, a dose report, a 16-bit grayscale PNG, or
/// something else.
enum LoadedInput {
    /// The PNG file signature (PNG specification, 5.2).
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A DICOM image and the file's bytes, for a byte-identical copy into the archive.
    case dicom(DICOMImage, bytes: [UInt8])
    /// A 16-bit grayscale PNG's samples, taken as unsigned stored values with `bitsStored` bits:
    /// the fewest bits that hold its largest sample (at least 1). No Modality LUT, no windows.
    case png16(GrayImage<UInt16>, bitsStored: Int)
    /// A radiation dose report (an SR with no pixel data that `DoseFacts` reads as one): nothing to
    /// render, but its dose is read for the first look and the report.
    case doseReport(DataSet)
    /// Neither: the category, and a message saying what it is.
    case unsupported(SkipReason, String)

    /// Reads and recognises `path` within `limits`. The path is opened without blocking and must be
    /// a regular file (a FIFO or device put in its place after listing is skipped); its first
    /// `DICOMFile.sniffLength` bytes decide whether it may be DICOM or a PNG, and anything else is
    /// skipped as not DICOM without reading the rest. With `deidentifier`, a DICOM file is
    /// de-identified at once and only the de-identified instance is returned (`deidentified`), and a
    /// 16-bit PNG is skipped as not DICOM: it has no header to de-identify.
    /// - Throws: `FileError` when it cannot be opened, is DICOM (or a 16-bit PNG) that cannot be read,
    ///   or is held back or refused by `deidentifier` (`FileError.deidentify`).
    static func load(_ path: String, limits: ReadLimits, deidentifier: Deidentifier? = nil) throws(FileError)
        -> LoadedInput
    {
        let opened: InputFile
        do throws(InputFileError) {
            opened = try InputFile(path: path)
        } catch {
            if case .notRegularFile = error { return .unsupported(.notRegularFile, error.reason) }
            throw .input(path: path, error)
        }
        var bytes: [UInt8]
        do throws(DICOMError) {
            let head = try DICOMFile.read(opened, upTo: DICOMFile.sniffLength)
            guard
                head.starts(with: pngSignature) || DICOMFile.notDICOMReason(head: head, fileSize: opened.size) == nil
            else { return .unsupported(.notDICOM, "not DICOM") }
            // Only a file that may be an image is measured against the limits: a large file that is
            // not one is skipped, whatever its size.
            let limit = min(limits.maximumFileBytes, limits.memoryBudget)
            do throws(DICOMError) {
                try DICOMFile.checkSize(of: opened, limit: limit)
                bytes = try DICOMFile.readRemaining(of: opened, after: head, limit: limit)
            } catch {
                throw limits.namingBudget(error)
            }
        } catch {
            throw .dicom(path: path, error)
        }
        if bytes.starts(with: pngSignature) {
            if deidentifier != nil { return .unsupported(.notDICOM, pngNotDeidentified) }
            return try loadPNG(bytes, path: path, limits: limits)
        }
        var file: DICOMFile
        do throws(DICOMError) {
            file = try DICOMFile(bytes: bytes, source: path, limits: limits)
        } catch {
            if case .notDICOM = error { return .unsupported(.notDICOM, "not DICOM") }
            throw .dicom(path: path, error)
        }
        if let deidentifier { (file, bytes) = try deidentified(file, by: deidentifier, path: path, limits: limits) }
        let pixelTags: [DICOMTag] = [.pixelData, DICOMTag(0x7FE0, 0x0008), DICOMTag(0x7FE0, 0x0009)]
        if !pixelTags.contains(where: { file.dataSet[$0] != nil }) {
            if DoseFacts(dataSet: file.dataSet).kind == .rdsr { return .doseReport(file.dataSet) }
            let sopClass = file.dataSet.string(.sopClassUID) ?? ""
            if nonImagePrefixes.contains(where: sopClass.hasPrefix) {
                return .unsupported(
                    .notAnImage,
                    "not an image: SOP Class \(sopClass) (a structured report, presentation state or "
                        + "document) has no pixel data to process")
            }
        }
        do throws(DICOMError) {
            return .dicom(try DICOMImage(file: file, limits: limits), bytes: bytes)
        } catch {
            throw .dicom(path: path, error)
        }
    }

    /// SOP Classes that hold no image (PS3.4 B.5): structured reports and key object selections
    /// (1.2.840.10008.5.1.4.1.1.88.x), presentation states (.11.x) and encapsulated documents (.104.x).
    /// Such a file is skipped, not failed; an image SOP Class without pixel data still fails.
    static let nonImagePrefixes = [
        "1.2.840.10008.5.1.4.1.1.88.", "1.2.840.10008.5.1.4.1.1.11.", "1.2.840.10008.5.1.4.1.1.104.",
    ]

    /// The most pixels a PNG input may declare: `CodecLimits.defaultMaximumPixelCount`, and no more
    /// than `maximumImageBytes` allows at 2 bytes a pixel, nor than the memory budget leaves beside
    /// the file's `fileBytes` for `ReadLimits.workingCopies` copies of 2 bytes a pixel.
    static func maximumPNGPixels(_ limits: ReadLimits, fileBytes: Int = 0) -> Int {
        let budgeted = max(0, limits.memoryBudget - fileBytes) / (2 * ReadLimits.workingCopies)
        return min(CodecLimits.defaultMaximumPixelCount, max(1, limits.maximumImageBytes / 2), max(1, budgeted))
    }

    private static func loadPNG(_ bytes: [UInt8], path: String, limits: ReadLimits) throws(FileError)
        -> LoadedInput
    {
        let decoded: DecodedPNG
        do throws(CodecError) {
            decoded = try PNGCodec.decode(bytes, maximumPixelCount: maximumPNGPixels(limits, fileBytes: bytes.count))
        } catch {
            if case .pngNotGrayscale = error { return .unsupported(.notDICOM, "not DICOM (a colour PNG)") }
            var budgeted = false
            if case .imageTooLarge = error {
                budgeted = maximumPNGPixels(limits, fileBytes: bytes.count) < maximumPNGPixels(limits)
            }
            throw .png(path: path, error, budgeted: budgeted)
        }
        guard case .gray16(let image) = decoded.image else {
            return .unsupported(.notDICOM, "not DICOM (an 8-bit PNG; only 16-bit grayscale PNGs are processed)")
        }
        let maximum = image.pixels.max() ?? 0
        let bitsStored = max(1, UInt16.bitWidth - maximum.leadingZeroBitCount)
        return .png16(image, bitsStored: bitsStored)
    }
}
