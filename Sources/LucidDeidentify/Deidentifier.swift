import LucidDICOM

/// Applies the Basic Application Level Confidentiality Profile (PS3.15 Annex E) with its options
/// to a parsed DICOM file, with keyed pseudonyms, and writes the result as a Part 10 file.
///
/// The data set is written in Explicit VR Little Endian; an encapsulated source keeps its transfer
/// syntax and its Pixel Data fragments byte for byte, a native one (Implicit VR, big endian,
/// deflated) becomes Explicit VR Little Endian with the same pixel values. The File Meta group is
/// regenerated (PS3.10 §7.1) with the new SOP Instance UID.
public struct Deidentifier: Sendable {
    public let profile: ConfidentialityProfile
    public let pseudonymizer: Pseudonymizer
    /// Write files whose Burned In Annotation is YES.
    public var allowBurnedIn = false
    /// Write files of text-bearing modalities that lack Burned In Annotation.
    public var assumeNoBurnedIn = false
    /// Lucid's version, for Implementation Version Name (0002,0013).
    public let implementationVersion: String

    public init(profile: ConfidentialityProfile, pseudonymizer: Pseudonymizer, implementationVersion: String) {
        self.profile = profile
        self.pseudonymizer = pseudonymizer
        self.implementationVersion = implementationVersion
    }

    /// The de-identified file.
    /// - Throws: `DeidentifyError.burnedInAnnotation` / `.burnedInUnknown` for a file held back,
    ///   `.cannotWrite` when a value cannot be encoded or the SOP identity is missing.
    public func deidentify(_ file: DICOMFile) throws(DeidentifyError) -> DeidentifiedInstance {
        try BurnedInRule.check(file, allowBurnedIn: allowBurnedIn, assumeNoBurnedIn: assumeNoBurnedIn)
        let dataSet = file.dataSet
        guard let sopClass = dataSet.string(.sopClassUID) ?? file.fileMeta?.string(.mediaStorageSOPClassUID),
            let sopInstance = dataSet.string(.sopInstanceUID) ?? file.fileMeta?.string(.mediaStorageSOPInstanceUID)
        else {
            throw .cannotWrite(file: file.source, reason: "it has no SOP Class UID or SOP Instance UID")
        }
        if dataSet[.pixelData]?.isTruncated == true {
            throw .cannotWrite(file: file.source, reason: "its Pixel Data is truncated")
        }
        let patientID = dataSet.string(DataSetCleaner.patientIDTag) ?? ""
        let shiftsDates = profile.options.contains(.retainLongitudinalModifiedDates)
        var cleaner = DataSetCleaner(
            profile: profile, pseudonymizer: pseudonymizer, source: file, patientID: patientID,
            dayOffset: shiftsDates ? pseudonymizer.dayOffset(forPatientID: patientID) : nil)
        let newSOPInstance = pseudonymizer.uid(for: sopInstance)
        // The marks replace any the source had; a SOP identity only File Meta held joins the data set.
        var additions = DeidentificationMarks.elements(options: profile.options, datesShifted: shiftsDates)
        if dataSet[.sopClassUID] == nil {
            additions.append(WritableElement(tag: .sopClassUID, vr: .UI, value: .strings([sopClass])))
        }
        if dataSet[.sopInstanceUID] == nil {
            additions.append(WritableElement(tag: .sopInstanceUID, vr: .UI, value: .strings([newSOPInstance])))
        }
        var body: [UInt8] = []
        try cleaner.append(dataSet, depth: 0, additions: additions, into: &body)
        let syntax =
            file.transferSyntax.pixelEncoding == .native ? TransferSyntax.explicitVRLittleEndian : file.transferSyntax
        var output = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
        do throws(DICOMWriteError) {
            output += try Part10Writer.fileMeta(
                sopClassUID: sopClass, sopInstanceUID: newSOPInstance, implementationVersion: implementationVersion,
                transferSyntax: syntax)
        } catch {
            throw .cannotWrite(file: file.source, reason: "File Meta: \(error)")
        }
        output += body
        return DeidentifiedInstance(
            bytes: output,
            studyInstanceUID: dataSet.string(.studyInstanceUID).map(pseudonymizer.uid(for:)) ?? "",
            seriesInstanceUID: dataSet.string(.seriesInstanceUID).map(pseudonymizer.uid(for:)) ?? "",
            sopInstanceUID: newSOPInstance, mapping: cleaner.mapping)
    }
}
