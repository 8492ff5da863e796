import LucidDICOM
import LucidDeidentify

extension LoadedInput {
    /// Why a 16-bit PNG is skipped with `--deidentify`.
    static let pngNotDeidentified =
        "not DICOM (a 16-bit PNG has no header to de-identify: --deidentify processes DICOM only)"

    /// `file` de-identified by `deidentifier` (PS3.15 Basic Profile, keyed pseudonyms), read back
    /// from the de-identified bytes, which it returns too (the archive's original). The file read
    /// back is named `<Study UID>/<Series UID>/<SOP Instance UID>.dcm` from the pseudonymous UIDs,
    /// never from `path`: renditions, derived DICOM, the archive and their messages see that name.
    /// - Throws: `FileError.deidentify` naming `path` when the file is held back (burned-in rule) or
    ///   cannot be de-identified.
    static func deidentified(_ file: DICOMFile, by deidentifier: Deidentifier, path: String, limits: ReadLimits)
        throws(FileError) -> (DICOMFile, [UInt8])
    {
        let instance: DeidentifiedInstance
        do throws(DeidentifyError) {
            instance = try deidentifier.deidentify(file)
        } catch {
            throw .deidentify(path: path, error)
        }
        do throws(DICOMError) {
            return (try DICOMFile(bytes: instance.bytes, source: instance.relativePath, limits: limits), instance.bytes)
        } catch {
            throw .dicom(path: instance.relativePath, error)
        }
    }
}
