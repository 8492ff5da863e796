import LucidImaging

extension DerivedDataSetBuilder {
    /// The most bytes of Derivation Description (0008,2111), an ST (PS3.5 Table 6.2-1).
    static let derivationDescriptionLimit = 1024

    /// Derivation Description, Derivation Code Sequence, Source Image Sequence (PS3.3 C.7.6.1) and
    /// Lossy Image Compression (C.7.6.1.1.5).
    mutating func setDerivation() throws(DICOMWriteError) {
        let continued = " ... (continued in Image Comments)"
        if image.recipe.utf8.count <= Self.derivationDescriptionLimit {
            output.set(.derivationDescription, .ST, image.recipe)
        } else {
            output.set(
                .derivationDescription, .ST,
                DerivedText.truncatedAtBoundary(
                    image.recipe, toBytes: Self.derivationDescriptionLimit, marker: continued))
            output.set(.imageComments, .LT, DerivedText.truncatedAtBoundary(image.recipe, toBytes: 10240))
        }
        if !image.derivationCodes.isEmpty {
            output.set(.derivationCodeSequence, items: image.derivationCodes.map(\.item))
        }
        if let sourceClass = source.string(.sopClassUID), let sourceInstance = source.string(.sopInstanceUID),
            DICOMUID.isValid(sourceClass), DICOMUID.isValid(sourceInstance)
        {
            var reference = WritableDataSet()
            reference.set(.referencedSOPClassUID, .UI, sourceClass)
            reference.set(.referencedSOPInstanceUID, .UI, sourceInstance)
            if image.source.pixel.numberOfFrames > 1 {
                reference.set(.referencedFrameNumber, .IS, .numbers([Double(image.frameIndex + 1)]))
            }
            reference.set(.purposeOfReferenceCodeSequence, items: [CodedConcept.sourceImageForProcessing.item])
            output.set(.sourceImageSequence, items: [reference])
        }
        // Once lossy compressed, always marked so (C.7.6.1.1.5); Lucid itself compresses losslessly only.
        let lossySyntax = image.source.file.transferSyntax.pixelEncoding == .jpegProcess1or2
        if lossySyntax || source.string(.lossyImageCompression) == "01" {
            output.set(.lossyImageCompression, .CS, "01")
            try copy(DICOMTag(0x0028, 0x2112), .DS, type: 3)
            try copy(DICOMTag(0x0028, 0x2114), .CS, type: 3)
            if output[DICOMTag(0x0028, 0x2114)] == nil, lossySyntax {
                output.set(DICOMTag(0x0028, 0x2114), .CS, "ISO_10918_1")
            }
        } else {
            output.set(.lossyImageCompression, .CS, "00")
        }
    }

    /// The source's Modality LUT (PS3.3 C.11.1): the Modality LUT Sequence when it has one, else
    /// Rescale Slope/Intercept/Type (from the functional groups for enhanced sources). Rescale Type
    /// defaults to HU for CT and US (unspecified) otherwise. Nothing for XA/XRF, whose Modality LUT is
    /// not applied (C.8.7.1.1.2), so that the derived image is not read with a transform its source
    /// never had.
    mutating func setModalityLUT() throws(DICOMWriteError) {
        let sourceClass = source.string(.sopClassUID) ?? ""
        guard !DisplayAttributes.xrayAngiographySOPClasses.contains(sourceClass) else { return }
        if source.hasValue(.modalityLUTSequence) {
            try copy(.modalityLUTSequence, .SQ, type: 3)
            return
        }
        let display = image.source.display(frame: image.frameIndex)
        guard let slope = display.rescaleSlope, let intercept = display.rescaleIntercept else { return }
        output.set(.rescaleIntercept, .DS, .numbers([intercept]))
        output.set(.rescaleSlope, .DS, .numbers([slope]))
        let type = display.rescaleType ?? (plan.sopClassUID == "1.2.840.10008.5.1.4.1.1.2" ? "HU" : "US")
        output.set(.rescaleType, .LO, type)
    }

    /// The window used (PS3.3 C.11.2), or the source's VOI LUT Sequence when a VOI LUT was used.
    mutating func setWindow() throws(DICOMWriteError) {
        guard let window = image.window else {
            try copy(.voiLUTSequence, .SQ, type: 3)
            if case .items(let items)? = output[.voiLUTSequence]?.value {
                output.set(.voiLUTSequence, items: items.map(Self.sixteenBitEntries))
            }
            return
        }
        output.set(.windowCenter, .DS, .numbers([window.center]))
        output.set(.windowWidth, .DS, .numbers([window.width]))
        if let explanation = window.explanation, !explanation.isEmpty {
            output.set(.windowCenterWidthExplanation, .LO, DerivedText.truncated(explanation, toBytes: 64))
        }
        output.set(.voiLUTFunction, .CS, window.function.rawValue)
    }

    /// A VOI LUT item whose LUT Descriptor (0028,3002) gives entries of 8 or 16 bits, as PS3.3
    /// C.11.2.1.1 requires of the VOI LUT module ("It shall take the value 8 or 16"): an item of 9 to
    /// 15 bits (a 12-bit LUT of a DX or MG source, which their own IODs allow) gets its entries
    /// scaled to 16 bits, v * 65535 / (2^bits - 1) rounded, which keeps where each entry falls in the
    /// LUT's output range and so the displayed grey level. Other items are returned unchanged.
    static func sixteenBitEntries(_ item: WritableDataSet) -> WritableDataSet {
        let descriptorTag = DICOMTag.lutDescriptor, dataTag = DICOMTag.lutData
        guard let descriptor = item[descriptorTag], case .bytes(let descriptorBytes) = descriptor.value,
            descriptorBytes.count == 6, let data = item[dataTag], case .bytes(let dataBytes) = data.value
        else { return item }
        let bits = Int(descriptorBytes[4]) | Int(descriptorBytes[5]) << 8
        guard (9...15).contains(bits) else { return item }
        let maximum = (1 << bits) - 1
        var scaled: [UInt16] = []
        scaled.reserveCapacity(dataBytes.count / 2)
        var index = 0
        while index + 1 < dataBytes.count {
            let entry = (Int(dataBytes[index]) | Int(dataBytes[index + 1]) << 8) & maximum
            scaled.append(UInt16((entry * 65535 + maximum / 2) / maximum))
            index += 2
        }
        var rewritten = item
        rewritten.set(descriptorTag, descriptor.vr, .bytes(Array(descriptorBytes[0..<4]) + [16, 0]))
        rewritten.set(dataTag, .OW, .uint16s(scaled))
        return rewritten
    }
}
