/// Writes a DICOM Part 10 file (PS3.10 §7.1): the 128-byte preamble (zeros), `DICM`, the File Meta
/// Information group (0002,xxxx) in Explicit VR Little Endian, then the data set in Explicit VR
/// Little Endian (1.2.840.10008.1.2.1).
///
/// The File Meta group holds:
/// - (0002,0000) File Meta Information Group Length: the byte count of the group's elements after it;
/// - (0002,0001) File Meta Information Version `00\01`;
/// - (0002,0002) / (0002,0003) Media Storage SOP Class / Instance UID: the data set's SOP Class UID
///   (0008,0016) and SOP Instance UID (0008,0018), which must be present;
/// - (0002,0010) Transfer Syntax UID, 1.2.840.10008.1.2.1 unless the caller names another;
/// - (0002,0012) Implementation Class UID `DICOMUID.lucidImplementationClassUID`;
/// - (0002,0013) Implementation Version Name `LUCID_<version>` (at most 16 characters, SH).
public enum Part10Writer {
    public static let fileMetaVersion: [UInt8] = [0x00, 0x01]

    /// The whole file's bytes. `implementationVersion` is Lucid's version, e.g. "0.1.0".
    /// `transferSyntax` is the one File Meta names (0002,0010): Explicit VR Little Endian unless the
    /// caller appends encapsulated Pixel Data itself (the data set is always written in Explicit VR
    /// Little Endian, as every transfer syntax but the deflated and big-endian ones requires).
    public static func encode(
        _ dataSet: WritableDataSet, implementationVersion: String,
        transferSyntax: TransferSyntax = .explicitVRLittleEndian
    ) throws(DICOMWriteError) -> [UInt8] {
        guard dataSet.tags.allSatisfy({ $0.group != 0x0002 }) else {
            throw .cannotCopy(
                tag: dataSet.tags.first { $0.group == 0x0002 } ?? .fileMetaInformationGroupLength,
                reason: "File Meta elements (0002,xxxx) belong in the file meta group, not the data set")
        }
        let sopClass = try uid(dataSet, .sopClassUID)
        let sopInstance = try uid(dataSet, .sopInstanceUID)
        var output = [UInt8](repeating: 0, count: 128)
        output += Array("DICM".utf8)
        output += try fileMeta(
            sopClassUID: sopClass, sopInstanceUID: sopInstance, implementationVersion: implementationVersion,
            transferSyntax: transferSyntax)
        try DataSetWriter.encode(dataSet, into: &output)
        return output
    }

    /// The File Meta group, group length first.
    public static func fileMeta(
        sopClassUID: String, sopInstanceUID: String, implementationVersion: String,
        transferSyntax: TransferSyntax = .explicitVRLittleEndian
    ) throws(DICOMWriteError) -> [UInt8] {
        var meta = WritableDataSet()
        meta.set(.fileMetaInformationVersion, .OB, .bytes(fileMetaVersion))
        meta.set(.mediaStorageSOPClassUID, .UI, sopClassUID)
        meta.set(.mediaStorageSOPInstanceUID, .UI, sopInstanceUID)
        meta.set(.transferSyntaxUID, .UI, transferSyntax.uid)
        meta.set(.implementationClassUID, .UI, DICOMUID.lucidImplementationClassUID)
        meta.set(.implementationVersionName, .SH, "LUCID_" + implementationVersion)
        let body = try DataSetWriter.encode(meta)
        var group = WritableDataSet()
        group.set(.fileMetaInformationGroupLength, .UL, .uint32s([UInt32(body.count)]))
        return try DataSetWriter.encode(group) + body
    }

    private static func uid(_ dataSet: WritableDataSet, _ tag: DICOMTag) throws(DICOMWriteError) -> String {
        guard let element = dataSet[tag], case .strings(let values) = element.value, let value = values.first else {
            throw .invalidUID(tag: tag, uid: "", reason: "the data set needs it for the File Meta group")
        }
        if let problem = DICOMUID.problem(value) { throw .invalidUID(tag: tag, uid: value, reason: problem) }
        return value
    }
}
