import Foundation
import LucidImaging

/// Builds the data set of a `DerivedImage`: patient, study and series identity, the IOD-specific
/// attributes the plan names, the derivation record, the Modality LUT and window, and the pixels.
struct DerivedDataSetBuilder {
    let image: DerivedImage
    let plan: DerivedImage.Plan
    let source: DataSet
    /// How copied text is re-encoded, and the Specific Character Set written (nil: none).
    let textCopy: DataSet.TextCopy
    let characterSet: WritableValue?
    var output = WritableDataSet()

    init(image: DerivedImage, plan: DerivedImage.Plan) throws(DICOMWriteError) {
        self.image = image
        self.plan = plan
        self.source = image.source.dataSet
        let ownText = [image.recipe, image.seriesDescription ?? "", image.window?.explanation ?? ""]
        let sourceSet = source.strings(.specificCharacterSet).map { $0.uppercased() }
        let copied: WritableValue? = source.rawValue(.specificCharacterSet).map { .bytes(Array($0)) }
        if ownText.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) || sourceSet == ["ISO_IR 192"] {
            textCopy = .unchanged
            characterSet = copied
        } else if sourceSet.isEmpty || sourceSet == ["ISO_IR 100"] || sourceSet == ["ISO_IR 6"] {
            textCopy = .latin1ToUTF8
            characterSet = .strings(["ISO_IR 192"])
        } else {
            throw .characterSetConflict(
                tag: .derivationDescription, characterSet: sourceSet.joined(separator: "\\"),
                reason: "the recipe or window explanation is not ASCII and the source's text cannot be re-encoded "
                    + "as UTF-8 (ISO_IR 192); use an ASCII recipe")
        }
    }

    mutating func build() throws(DICOMWriteError) {
        if let characterSet { output.set(.specificCharacterSet, .CS, characterSet) }
        try copyPatientAndStudy()
        for attribute in plan.attributes { try copy(attribute.tag, attribute.vr, type: attribute.type) }
        try setIdentity()
        try setLaterality()
        try setDerivation()
        try setModalityLUT()
        try setWindow()
        try setPixels()
    }

    /// Patient (PS3.3 C.7.1.1, with Patient Identity Removed and De-identification Method when the
    /// source has them), General Study (C.7.2.1), Patient Study (C.7.2.2) and the General
    /// Series / General Image attributes every derived image carries. A source without a Study
    /// Instance UID (Type 1) gets `studyInstanceUIDWhenAbsent` or a new one.
    private mutating func copyPatientAndStudy() throws(DICOMWriteError) {
        let attributes: [(UInt16, UInt16, ValueRepresentation, Int)] = [
            (0x0010, 0x0010, .PN, 2), (0x0010, 0x0020, .LO, 2), (0x0010, 0x0021, .LO, 3),
            (0x0010, 0x0030, .DA, 2), (0x0010, 0x0032, .TM, 3), (0x0010, 0x0040, .CS, 2),
            (0x0010, 0x1010, .AS, 3), (0x0010, 0x1020, .DS, 3), (0x0010, 0x1030, .DS, 3),
            (0x0020, 0x000D, .UI, 1), (0x0008, 0x0020, .DA, 2), (0x0008, 0x0030, .TM, 2),
            (0x0008, 0x0090, .PN, 2), (0x0020, 0x0010, .SH, 2), (0x0008, 0x0050, .SH, 2),
            (0x0008, 0x1030, .LO, 3), (0x0018, 0x0015, .CS, 3),
            (0x0020, 0x0013, .IS, 2), (0x0028, 0x0301, .CS, 3),
            // A de-identified source's marks (PS3.3 C.7.1.1, C.7.6.1): the derived image is as de-identified.
            (0x0012, 0x0062, .CS, 3), (0x0012, 0x0063, .LO, 3), (0x0028, 0x0303, .CS, 3),
        ]
        for (group, element, vr, type) in attributes { try copy(DICOMTag(group, element), vr, type: type) }
        if case .bytes(let raw)? = output[.studyInstanceUID]?.value, raw.contains(where: { $0 != 0 && $0 != 0x20 }) {
            return
        }
        output.set(.studyInstanceUID, .UI, image.studyInstanceUIDWhenAbsent ?? DICOMUID.generate())
    }

    /// Copies one attribute with the VR to write. Legacy ACR-NEMA dates and times (`1993.02.24`,
    /// `10:14:35`) are brought to DA/TM form; a date or time that is still not valid (`0095.07.24`,
    /// `00000000`) is not carried over (`DerivedText.validDate`). A source value that breaks its VR
    /// (too long, a binary VR where text is expected) is not carried over either: a Type 2 attribute is then written
    /// empty and a Type 3 one left out, so one sloppy optional attribute never stops the derived
    /// image; a Type 1 attribute throws the writer's error naming it.
    mutating func copy(_ tag: DICOMTag, _ vr: ValueRepresentation, type: Int) throws(DICOMWriteError) {
        if let element = source[tag], element.vr == .UN || element.vr == vr || element.vr.isText == vr.isText {
            do throws(DICOMWriteError) {
                if var copied = try source.writable(tag, vr: vr, text: textCopy) {
                    if vr == .DA || vr == .TM, case .bytes(let raw) = copied.value {
                        let valid = vr == .DA ? DerivedText.validDate(raw) : DerivedText.validTime(raw)
                        guard let valid else {
                            throw DICOMWriteError.invalidCharacters(
                                tag: tag, vr: vr, value: String(decoding: raw, as: UTF8.self),
                                reason: "not a valid \(vr == .DA ? "date (YYYYMMDD)" : "time (HHMMSS.FFFFFF)")")
                        }
                        copied = WritableElement(tag: tag, vr: vr, value: .bytes(valid))
                    }
                    _ = try DataSetWriter.encode(WritableDataSet([copied]))
                    output.set(tag, copied.vr, copied.value)
                    return
                }
            } catch {
                if type == 1 { throw error }
            }
        }
        if type <= 2 { output.set(tag, vr, .strings([])) }
    }

    /// SOP Class/Instance, series identity, Image Type, dates, and the SC equipment when SC.
    private mutating func setIdentity() throws(DICOMWriteError) {
        output.set(.sopClassUID, .UI, plan.sopClassUID)
        output.set(.sopInstanceUID, .UI, image.sopInstanceUID)
        output.set(.seriesInstanceUID, .UI, image.seriesInstanceUID)
        let seriesNumber = (source.integer(.seriesNumber) ?? 0) + image.seriesNumberOffset
        output.set(.seriesNumber, .IS, .numbers([Double(seriesNumber)]))
        let seriesDescription = image.seriesDescription ?? "Lucid " + image.recipe
        output.set(.seriesDescription, .LO, DerivedText.truncatedAtBoundary(seriesDescription, toBytes: 64))
        if source.hasValue(.modality), let modality = try source.writable(.modality, vr: .CS, text: textCopy) {
            output.set(.modality, .CS, modality.value)
        } else {
            output.set(.modality, .CS, "OT")
        }
        var imageType = ["DERIVED", "SECONDARY"]
        let sourceType = source.strings(.imageType)
        if sourceType.count >= 3, !sourceType[2].isEmpty { imageType.append(sourceType[2]) }
        output.set(.imageType, .CS, strings: imageType)

        let (date, time) = DerivedText.dateAndTime(image.contentDate, timeZone: image.timeZone)
        for (dateTag, timeTag) in [(0x0008_0012, 0x0008_0013), (0x0008_0023, 0x0008_0033)] as [(UInt32, UInt32)] {
            output.set(DICOMTag(UInt16(dateTag >> 16), UInt16(dateTag & 0xFFFF)), .DA, date)
            output.set(DICOMTag(UInt16(timeTag >> 16), UInt16(timeTag & 0xFFFF)), .TM, time)
        }
        guard plan.sopClassUID == DICOMUID.secondaryCaptureImageStorage else { return }
        if output[.conversionType] == nil { output.set(.conversionType, .CS, "WSD") }
        output.set(DICOMTag(0x0018, 0x1012), .DA, date)
        output.set(DICOMTag(0x0018, 0x1014), .TM, time)
        output.set(DICOMTag(0x0018, 0x1016), .LO, "Lucid")
        output.set(DICOMTag(0x0018, 0x1018), .LO, "Lucid")
        output.set(DICOMTag(0x0018, 0x1019), .LO, image.softwareVersion)
    }
}
