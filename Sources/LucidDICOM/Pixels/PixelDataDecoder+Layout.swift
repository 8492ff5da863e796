/// The pixel layouts Lucid decodes (PS3.3 C.7.6.3.1): the photometric interpretations of the
/// standard with their sample counts, and the Bits Allocated each pixel data element allows.
extension PixelDataDecoder {
    /// Photometric interpretations with one sample per pixel, and with three.
    static let singleSampleModels: Set<String> = ["MONOCHROME1", "MONOCHROME2", "PALETTE COLOR"]
    static let threeSampleModels: Set<String> = [
        "RGB", "YBR_FULL", "YBR_FULL_422", "YBR_PARTIAL_422", "YBR_PARTIAL_420", "YBR_ICT", "YBR_RCT",
    ]

    func validatePhotometric() throws(DICOMError) {
        let photometric = description.photometricInterpretation
        let samples = description.samplesPerPixel
        let known =
            (samples == 1 && Self.singleSampleModels.contains(photometric))
            || (samples == 3 && Self.threeSampleModels.contains(photometric))
        guard known else {
            throw .colourNotSupported(file: source, photometricInterpretation: photometric, samplesPerPixel: samples)
        }
        let native = file.transferSyntax.pixelEncoding == .native
        if native, ["YBR_PARTIAL_420", "YBR_ICT", "YBR_RCT"].contains(photometric) {
            throw .unsupportedPixelFormat(
                file: source, tag: .photometricInterpretation,
                reason: "\(photometric) is only defined for compressed Pixel Data (PS3.3 C.7.6.3.1.2)")
        }
        if native, description.isHorizontallySubsampled, description.columns % 2 == 1 {
            throw .unsupportedPixelFormat(
                file: source, tag: .columns,
                reason: "\(photometric) needs an even number of columns, found \(description.columns)")
        }
        if description.isPaletteColor, description.bitsAllocated != 8, description.bitsAllocated != 16 {
            throw .unsupportedPixelFormat(
                file: source, tag: .bitsAllocated,
                reason: "PALETTE COLOR indices of \(description.bitsAllocated) bits; 8 or 16 are defined")
        }
    }

    func validateBitsAllocated() throws(DICOMError) {
        let bits = description.bitsAllocated
        switch description.pixelDataTag {
        case .floatPixelData:
            guard bits == 32 else { throw bitsAllocatedRefusal("Float Pixel Data (7FE0,0008) needs 32") }
        case .doubleFloatPixelData:
            guard bits == 64 else { throw bitsAllocatedRefusal("Double Float Pixel Data (7FE0,0009) needs 64") }
        default:
            guard [1, 8, 16, 32].contains(bits) else {
                throw bitsAllocatedRefusal("Pixel Data (7FE0,0010) is decoded for 1, 8, 16 and 32")
            }
        }
        if bits == 1 {
            guard description.samplesPerPixel == 1, file.transferSyntax.pixelEncoding == .native else {
                throw bitsAllocatedRefusal("1-bit data is defined for native single-sample Pixel Data only")
            }
        }
    }

    private func bitsAllocatedRefusal(_ rule: String) -> DICOMError {
        .unsupportedPixelFormat(
            file: source, tag: .bitsAllocated, reason: "Bits Allocated \(description.bitsAllocated): \(rule)")
    }
}
