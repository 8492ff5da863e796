extension DICOMTag {
    // General Study, General Series and General Equipment, PS3.3 C.7.2.1, C.7.3.1, C.7.5.1 (Series
    // Description is with the tags Lucid writes).
    public static let studyDescription = DICOMTag(0x0008, 0x1030)
    public static let manufacturerModelName = DICOMTag(0x0008, 0x1090)
    public static let laterality = DICOMTag(0x0020, 0x0060)

    // General Image, Image Plane and DX Positioning, PS3.3 C.7.6.1, C.7.6.2, C.8.11.5.
    public static let imageLaterality = DICOMTag(0x0020, 0x0062)
    public static let pixelSpacing = DICOMTag(0x0028, 0x0030)
    public static let imagerPixelSpacing = DICOMTag(0x0018, 0x1164)
    public static let viewPosition = DICOMTag(0x0018, 0x5101)

    /// Pixel Measures Sequence (0028,9110), the functional group holding Pixel Spacing in enhanced
    /// multi-frame images (PS3.3 C.7.6.16.2.1).
    public static let pixelMeasuresSequence = DICOMTag(0x0028, 0x9110)
}
