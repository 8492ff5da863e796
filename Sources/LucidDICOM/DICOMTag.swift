/// A data element tag: group and element numbers (PS3.5 §7.1).
public struct DICOMTag: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let group: UInt16
    public let element: UInt16

    public init(_ group: UInt16, _ element: UInt16) {
        self.group = group
        self.element = element
    }

    /// The tag as one 32-bit number, group in the high half: the order of tags in a data set.
    public var combined: UInt32 { UInt32(group) << 16 | UInt32(element) }

    public static func < (lhs: DICOMTag, rhs: DICOMTag) -> Bool { lhs.combined < rhs.combined }

    /// `(GGGG,EEEE)` in upper-case hexadecimal, as the standard writes tags.
    public var description: String { "(\(hex4(group)),\(hex4(element)))" }

    /// Private tags have an odd group number (PS3.5 §7.8).
    public var isPrivate: Bool { group & 1 == 1 }

    /// The attribute's keyword when Lucid's dictionary knows it, e.g. `Rows` for (0028,0010).
    public var name: String? { DICOMDictionary.entry(for: self)?.keyword }

    /// `(0028,0010) Rows`, or just the tag when the name is unknown.
    public var described: String {
        if let name { return "\(description) \(name)" }
        return description
    }
}

func hex4(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

extension DICOMTag {
    // Delimiters, PS3.5 §7.5.
    public static let item = DICOMTag(0xFFFE, 0xE000)
    public static let itemDelimitation = DICOMTag(0xFFFE, 0xE00D)
    public static let sequenceDelimitation = DICOMTag(0xFFFE, 0xE0DD)

    // File Meta Information, PS3.10 §7.1.
    public static let fileMetaInformationGroupLength = DICOMTag(0x0002, 0x0000)
    public static let mediaStorageSOPClassUID = DICOMTag(0x0002, 0x0002)
    public static let mediaStorageSOPInstanceUID = DICOMTag(0x0002, 0x0003)
    public static let transferSyntaxUID = DICOMTag(0x0002, 0x0010)
    public static let implementationClassUID = DICOMTag(0x0002, 0x0012)

    // Identification.
    public static let specificCharacterSet = DICOMTag(0x0008, 0x0005)
    public static let imageType = DICOMTag(0x0008, 0x0008)
    public static let sopClassUID = DICOMTag(0x0008, 0x0016)
    public static let sopInstanceUID = DICOMTag(0x0008, 0x0018)
    public static let studyDate = DICOMTag(0x0008, 0x0020)
    public static let accessionNumber = DICOMTag(0x0008, 0x0050)
    public static let modality = DICOMTag(0x0008, 0x0060)
    public static let presentationIntentType = DICOMTag(0x0008, 0x0068)
    public static let manufacturer = DICOMTag(0x0008, 0x0070)
    public static let patientName = DICOMTag(0x0010, 0x0010)
    public static let patientID = DICOMTag(0x0010, 0x0020)
    public static let bodyPartExamined = DICOMTag(0x0018, 0x0015)
    public static let studyInstanceUID = DICOMTag(0x0020, 0x000D)
    public static let seriesInstanceUID = DICOMTag(0x0020, 0x000E)
    public static let seriesNumber = DICOMTag(0x0020, 0x0011)
    public static let instanceNumber = DICOMTag(0x0020, 0x0013)

    // Image Pixel module, PS3.3 C.7.6.3.
    public static let samplesPerPixel = DICOMTag(0x0028, 0x0002)
    public static let photometricInterpretation = DICOMTag(0x0028, 0x0004)
    public static let planarConfiguration = DICOMTag(0x0028, 0x0006)
    public static let numberOfFrames = DICOMTag(0x0028, 0x0008)
    public static let rows = DICOMTag(0x0028, 0x0010)
    public static let columns = DICOMTag(0x0028, 0x0011)
    public static let bitsAllocated = DICOMTag(0x0028, 0x0100)
    public static let bitsStored = DICOMTag(0x0028, 0x0101)
    public static let highBit = DICOMTag(0x0028, 0x0102)
    public static let pixelRepresentation = DICOMTag(0x0028, 0x0103)
    public static let smallestImagePixelValue = DICOMTag(0x0028, 0x0106)
    public static let largestImagePixelValue = DICOMTag(0x0028, 0x0107)
    public static let pixelPaddingValue = DICOMTag(0x0028, 0x0120)
    public static let pixelPaddingRangeLimit = DICOMTag(0x0028, 0x0121)

    // Modality LUT and VOI LUT, PS3.3 C.11.
    public static let windowCenter = DICOMTag(0x0028, 0x1050)
    public static let windowWidth = DICOMTag(0x0028, 0x1051)
    public static let rescaleIntercept = DICOMTag(0x0028, 0x1052)
    public static let rescaleSlope = DICOMTag(0x0028, 0x1053)
    public static let rescaleType = DICOMTag(0x0028, 0x1054)
    public static let windowCenterWidthExplanation = DICOMTag(0x0028, 0x1055)
    public static let voiLUTFunction = DICOMTag(0x0028, 0x1056)
    public static let modalityLUTSequence = DICOMTag(0x0028, 0x3000)
    public static let lutDescriptor = DICOMTag(0x0028, 0x3002)
    public static let lutExplanation = DICOMTag(0x0028, 0x3003)
    public static let modalityLUTType = DICOMTag(0x0028, 0x3004)
    public static let lutData = DICOMTag(0x0028, 0x3006)
    public static let voiLUTSequence = DICOMTag(0x0028, 0x3010)
    public static let frameVOILUTSequence = DICOMTag(0x0028, 0x9132)
    public static let pixelValueTransformationSequence = DICOMTag(0x0028, 0x9145)
    public static let iconImageSequence = DICOMTag(0x0088, 0x0200)
    public static let presentationLUTShape = DICOMTag(0x2050, 0x0020)

    // Enhanced multi-frame functional groups, PS3.3 C.7.6.16.
    public static let sharedFunctionalGroupsSequence = DICOMTag(0x5200, 0x9229)
    public static let perFrameFunctionalGroupsSequence = DICOMTag(0x5200, 0x9230)

    // Palette Color Lookup Table module, PS3.3 C.7.9.
    public static let redPaletteLUTDescriptor = DICOMTag(0x0028, 0x1101)
    public static let greenPaletteLUTDescriptor = DICOMTag(0x0028, 0x1102)
    public static let bluePaletteLUTDescriptor = DICOMTag(0x0028, 0x1103)
    public static let redPaletteLUTData = DICOMTag(0x0028, 0x1201)
    public static let greenPaletteLUTData = DICOMTag(0x0028, 0x1202)
    public static let bluePaletteLUTData = DICOMTag(0x0028, 0x1203)
    public static let segmentedRedPaletteLUTData = DICOMTag(0x0028, 0x1221)
    public static let segmentedGreenPaletteLUTData = DICOMTag(0x0028, 0x1222)
    public static let segmentedBluePaletteLUTData = DICOMTag(0x0028, 0x1223)

    /// RT Dose (3004,000E): scales stored values to Gy (PS3.3 C.8.8.3).
    public static let doseGridScaling = DICOMTag(0x3004, 0x000E)

    /// Extended Offset Table (7FE0,0001) and its lengths (7FE0,0002), PS3.5 A.4.
    public static let extendedOffsetTable = DICOMTag(0x7FE0, 0x0001)
    public static let extendedOffsetTableLengths = DICOMTag(0x7FE0, 0x0002)
    /// Float Pixel Data (7FE0,0008, OF) and Double Float Pixel Data (7FE0,0009, OD), PS3.3 C.7.6.24.
    public static let floatPixelData = DICOMTag(0x7FE0, 0x0008)
    public static let doubleFloatPixelData = DICOMTag(0x7FE0, 0x0009)
    public static let pixelData = DICOMTag(0x7FE0, 0x0010)
}
