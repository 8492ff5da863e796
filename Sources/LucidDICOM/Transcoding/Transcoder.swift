/// Rewrites a DICOM file in another transfer syntax (PS3.5 §10), as `dcmdjpeg` or `gdcmconv --raw`
/// do, for every syntax Lucid decodes: decompressed to native Explicit VR Little Endian, or
/// compressed losslessly to JPEG-LS or HTJ2K.
///
/// What changes (PS3.5 §8.2, PS3.3 C.7.6.3): the File Meta group (regenerated, with the target's
/// Transfer Syntax UID and Lucid's Implementation Class UID), Pixel Data, and only the attributes
/// that must follow it:
/// - Photometric Interpretation YBR_FULL_422, YBR_PARTIAL_422 and YBR_PARTIAL_420 become YBR_FULL
///   (the decoders return one Y, Cb and Cr per pixel, as DCMTK's `dcmdjpeg` writes them), and
///   YBR_ICT and YBR_RCT become RGB (the JPEG 2000 decoder has undone the component transform);
/// - Planar Configuration is set to 0 (interleaved) for three samples per pixel;
/// - for a compressed target, High Bit becomes Bits Stored - 1 (the codestream holds the stored
///   values only);
/// - from a lossy source syntax, Lossy Image Compression (0028,2110) is set to 01 and its Method
///   (0028,2114) and Ratio (0028,2112) are added when absent (PS3.3 C.7.6.1.1.5);
/// - the Extended Offset Table (7FE0,0001) and its lengths (7FE0,0002) are removed, and so are
///   group lengths (gggg,0000), whose values no longer hold.
///
/// Every other element, private ones and sequences included, keeps its value bytes (brought to
/// little endian from a big-endian source). The SOP Instance UID is unchanged: a change of transfer
/// syntax is the same instance (PS3.5 §10). Stored values are preserved exactly.
public enum Transcoder {
    /// The Part 10 file of `image` in `target`: preamble, `DICM`, File Meta, data set.
    /// - Parameters:
    ///   - implementationVersion: Lucid's version, written as Implementation Version Name
    ///     `LUCID_<version>` (0002,0013), at most 16 characters in all.
    /// - Throws: `TranscodeError` naming the file and, for a frame that does not decode or
    ///   encode, the frame number from 1.
    public static func transcode(_ image: DICOMImage, to target: TargetSyntax, implementationVersion: String)
        throws(TranscodeError) -> [UInt8]
    {
        let file = image.source
        let identity = sopIdentity(of: image.file)
        var rewrite = try rewritePixels(of: image, to: target)
        rewrite.merge(try lossyCompressionEdits(image, compressedBytes: rewrite.sourceCompressedBytes))
        var output = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
        do throws(DICOMWriteError) {
            output += try fileMeta(
                sopClassUID: identity.sopClass, sopInstanceUID: identity.sopInstance, target: target,
                implementationVersion: implementationVersion)
        } catch {
            throw .cannotWrite(file: file, cause: error)
        }
        try appendElements(
            of: image.dataSet, edits: rewrite.edits, isTopLevel: true, source: image.file, target: target,
            into: &output)
        return output
    }

    /// The File Meta group (PS3.10 §7.1), group length first. The UIDs are taken as they are
    /// (only their length is checked), so a source UID with a leading zero still round-trips; a UID
    /// the source lacks is left out, as the source left it out.
    static func fileMeta(
        sopClassUID: String?, sopInstanceUID: String?, target: TargetSyntax, implementationVersion: String
    )
        throws(DICOMWriteError) -> [UInt8]
    {
        var meta = WritableDataSet()
        meta.set(.fileMetaInformationVersion, .OB, .bytes(Part10Writer.fileMetaVersion))
        if let sopClassUID { meta.set(.mediaStorageSOPClassUID, .UI, .bytes(Array(sopClassUID.utf8))) }
        if let sopInstanceUID { meta.set(.mediaStorageSOPInstanceUID, .UI, .bytes(Array(sopInstanceUID.utf8))) }
        meta.set(.transferSyntaxUID, .UI, target.transferSyntax.uid)
        meta.set(.implementationClassUID, .UI, DICOMUID.lucidImplementationClassUID)
        meta.set(.implementationVersionName, .SH, "LUCID_" + implementationVersion)
        let body = try DataSetWriter.encode(meta)
        var group = WritableDataSet()
        group.set(.fileMetaInformationGroupLength, .UL, .uint32s([UInt32(body.count)]))
        return try DataSetWriter.encode(group) + body
    }

    /// SOP Class and Instance UIDs for the File Meta group: the data set's (0008,0016) and
    /// (0008,0018), else the source's File Meta (0002,0002) and (0002,0003); nil when neither has
    /// one (such a source is not a valid Part 10 file either, and Lucid does not invent an identity).
    static func sopIdentity(of file: DICOMFile) -> (sopClass: String?, sopInstance: String?) {
        (
            file.dataSet.string(.sopClassUID) ?? file.fileMeta?.string(.mediaStorageSOPClassUID),
            file.dataSet.string(.sopInstanceUID) ?? file.fileMeta?.string(.mediaStorageSOPInstanceUID)
        )
    }
}

/// Elements the transcoder sets or removes in one data set (the main one or an icon's item).
struct ElementEdits {
    /// Encoded elements (tag, VR, length, value) that replace or join the source's.
    var set: [DICOMTag: [UInt8]] = [:]
    /// Source elements left out.
    var removed: Set<DICOMTag> = []

    mutating func set(_ tag: DICOMTag, _ vr: ValueRepresentation, _ value: WritableValue) throws(DICOMWriteError) {
        var bytes: [UInt8] = []
        try DataSetWriter.encode(WritableElement(tag: tag, vr: vr, value: value), into: &bytes)
        set[tag] = bytes
    }
}
