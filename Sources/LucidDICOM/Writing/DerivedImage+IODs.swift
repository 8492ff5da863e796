extension DerivedImage.Plan {
    typealias Attribute = DerivedImage.ModuleAttribute

    /// Image Plane (PS3.3 C.7.6.2), Frame of Reference (C.7.4.1), General Equipment (C.7.5.1) and
    /// the positional General Series / General Image attributes, for CT and MR.
    static let imagePlaneAttributes: [Attribute] =
        [
            Attribute(0x0020, 0x0037, .DS, type: 1),  // Image Orientation (Patient)
            Attribute(0x0020, 0x0032, .DS, type: 1),  // Image Position (Patient)
            Attribute(0x0028, 0x0030, .DS, type: 1),  // Pixel Spacing
            Attribute(0x0020, 0x0052, .UI, type: 1),  // Frame of Reference UID
            Attribute(0x0018, 0x0050, .DS, type: 2),  // Slice Thickness
            Attribute(0x0020, 0x1040, .LO, type: 2),  // Position Reference Indicator
            Attribute(0x0018, 0x5100, .CS, type: 2),  // Patient Position (2C for CT and MR)
            Attribute(0x0020, 0x1041, .DS, type: 3),  // Slice Location
            Attribute(0x0020, 0x0020, .CS, type: 3),  // Patient Orientation
            Attribute(0x0008, 0x0022, .DA, type: 3),  // Acquisition Date
            Attribute(0x0008, 0x0032, .TM, type: 3),  // Acquisition Time
        ] + equipmentAttributes

    static let equipmentAttributes: [Attribute] = [
        Attribute(0x0008, 0x0070, .LO, type: 2),  // Manufacturer
        Attribute(0x0008, 0x0080, .LO, type: 3),  // Institution Name
        Attribute(0x0008, 0x1010, .SH, type: 3),  // Station Name
        Attribute(0x0008, 0x1090, .LO, type: 3),  // Manufacturer's Model Name
    ]

    /// The IODs whose SOP Class is kept, by SOP Class UID (PS3.4 B.5).
    static let keptIODs: [String: DerivedImage.KeptIOD] = [
        "1.2.840.10008.5.1.4.1.1.2": DerivedImage.KeptIOD(
            name: "CT Image Storage",
            attributes: imagePlaneAttributes + [
                Attribute(0x0018, 0x0060, .DS, type: 2),  // KVP
                Attribute(0x0020, 0x0012, .IS, type: 2),  // Acquisition Number
                Attribute(0x0018, 0x1210, .SH, type: 3),  // Convolution Kernel
                Attribute(0x0018, 0x1100, .DS, type: 3),  // Reconstruction Diameter
                Attribute(0x0018, 0x1120, .DS, type: 3),  // Gantry/Detector Tilt
            ], needsRescale: true, bitsStored: 12...16, hasImagePlane: true),
        "1.2.840.10008.5.1.4.1.1.4": DerivedImage.KeptIOD(
            name: "MR Image Storage",
            attributes: imagePlaneAttributes + [
                Attribute(0x0018, 0x0020, .CS, type: 1),  // Scanning Sequence
                Attribute(0x0018, 0x0021, .CS, type: 1),  // Sequence Variant
                Attribute(0x0018, 0x0022, .CS, type: 2),  // Scan Options
                Attribute(0x0018, 0x0023, .CS, type: 2),  // MR Acquisition Type
                Attribute(0x0018, 0x0080, .DS, type: 2),  // Repetition Time (2C)
                Attribute(0x0018, 0x0081, .DS, type: 2),  // Echo Time
                Attribute(0x0018, 0x0091, .IS, type: 2),  // Echo Train Length
                Attribute(0x0018, 0x0082, .DS, type: 3),  // Inversion Time (2C when IR)
                Attribute(0x0018, 0x0024, .SH, type: 3),  // Sequence Name
                Attribute(0x0018, 0x0087, .DS, type: 3),  // Magnetic Field Strength
                Attribute(0x0018, 0x0088, .DS, type: 3),  // Spacing Between Slices
                Attribute(0x0018, 0x1314, .DS, type: 3),  // Flip Angle
                Attribute(0x0020, 0x0012, .IS, type: 3),  // Acquisition Number
            ], needsRescale: false, bitsStored: 1...16, hasImagePlane: true),
        "1.2.840.10008.5.1.4.1.1.1": DerivedImage.KeptIOD(
            name: "Computed Radiography Image Storage",
            attributes: equipmentAttributes + [
                Attribute(0x0018, 0x0015, .CS, type: 2),  // Body Part Examined (CR Series)
                Attribute(0x0018, 0x5101, .CS, type: 2),  // View Position (CR Series)
                Attribute(0x0020, 0x0020, .CS, type: 2),  // Patient Orientation (2C: no Image Plane)
                Attribute(0x0018, 0x0060, .DS, type: 3),  // KVP
                Attribute(0x0018, 0x1164, .DS, type: 3),  // Imager Pixel Spacing
                Attribute(0x0018, 0x1004, .LO, type: 3),  // Plate ID
                Attribute(0x0008, 0x0022, .DA, type: 3),  // Acquisition Date
                Attribute(0x0008, 0x0032, .TM, type: 3),  // Acquisition Time
            ], needsRescale: false, bitsStored: 1...16, hasImagePlane: false),
        DICOMUID.secondaryCaptureImageStorage: DerivedImage.KeptIOD(
            name: "Secondary Capture Image Storage",
            attributes: secondaryCaptureAttributes + [Attribute(0x0008, 0x0064, .CS, type: 1)],
            needsRescale: false, bitsStored: 1...16, hasImagePlane: false),
    ]

    /// General Image (C.7.6.1), General Equipment (C.7.5.1) and SC Equipment (C.8.6.1) attributes copied into a Secondary Capture
    /// image. Conversion Type (0008,0064) is the source's when it was SC, else WSD (workstation).
    static let secondaryCaptureAttributes: [Attribute] = [
        Attribute(0x0020, 0x0020, .CS, type: 2),  // Patient Orientation (2C: no Image Plane)
        Attribute(0x0008, 0x0070, .LO, type: 2),  // Manufacturer (Type 2 once General Equipment is present)
        Attribute(0x0008, 0x0080, .LO, type: 3),  // Institution Name
    ]
}
