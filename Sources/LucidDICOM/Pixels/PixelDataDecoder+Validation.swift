/// The checks made before any frame buffer is allocated: the layout is one Lucid decodes, the
/// header's sizes (frame, number of frames, image) are within `ReadLimits`, the file fits its
/// memory budget, and the Pixel Data element holds what the header declares (PS3.5 §8.1.1 for
/// native data, A.4 for encapsulated data).
extension PixelDataDecoder {
    /// Returns the Pixel Data element once every check has passed.
    func validate() throws(DICOMError) -> DataElement {
        guard let element = file.dataSet[description.pixelDataTag] else { throw .noPixelData(file: source) }
        try validateLayout()
        try validateFrameCount(element)
        try validateDeclaredSize(element)
        try validateMemory(element)
        guard element.length > 0 || element.fragments?.isEmpty == false else {
            throw .emptyPixelData(file: source, offset: element.offset)
        }
        if file.transferSyntax.pixelEncoding == .native || description.isFloat {
            try validateNativeLength(element)
        } else if let fragments = element.fragments {
            try validateFragmentCount(element, frameFragments: fragments.count - 1)
        }
        return element
    }

    private func validateLayout() throws(DICOMError) {
        try validatePhotometric()
        try validateBitsAllocated()
        guard description.pixelsPerFrame <= limits.maximumFramePixels else {
            throw .tooLarge(
                file: source, tag: .rows, offset: file.dataSet[.rows]?.offset, limit: .framePixels,
                value: description.pixelsPerFrame, maximum: limits.maximumFramePixels)
        }
    }

    /// Rows x Columns x Frames x Samples per Pixel x bytes per sample against
    /// `ReadLimits.maximumImageBytes`, without overflow.
    private func validateDeclaredSize(_ element: DataElement) throws(DICOMError) {
        let bytesPerSample = (description.bitsAllocated + 7) / 8
        let (frameBytes, frameOverflow) = description.pixelsPerFrame.multipliedReportingOverflow(
            by: description.samplesPerPixel * bytesPerSample)
        let (imageBytes, imageOverflow) = frameBytes.multipliedReportingOverflow(by: description.numberOfFrames)
        guard !frameOverflow, !imageOverflow, imageBytes <= limits.maximumImageBytes else {
            throw .tooLarge(
                file: source, tag: .pixelData, offset: element.offset, limit: .imageBytes,
                value: frameOverflow || imageOverflow ? Int.max : imageBytes, maximum: limits.maximumImageBytes)
        }
    }

    /// Number of Frames (0028,0008) against `ReadLimits.maximumFrames`, before any per-frame work.
    private func validateFrameCount(_ element: DataElement) throws(DICOMError) {
        guard description.numberOfFrames <= limits.maximumFrames else {
            throw .tooLarge(
                file: source, tag: .numberOfFrames, offset: file.dataSet[.numberOfFrames]?.offset ?? element.offset,
                limit: .frames, value: description.numberOfFrames, maximum: limits.maximumFrames)
        }
    }

    /// The file, its inflated data set, `ReadLimits.workingCopies` copies of one frame and, when
    /// `frameRetention` is `.everyFrame`, one more of every frame, against `ReadLimits.memoryBudget`
    /// (see `ReadLimits.memoryNeeded`).
    private func validateMemory(_ element: DataElement) throws(DICOMError) {
        // Samples wider than 16 bits are held as 32 or 64-bit values and, for display, as doubles
        // besides their 16-bit quantisation: counted as four 16-bit samples each.
        let width = description.bitsAllocated > 16 ? 4 : 1
        let (frameSamples, overflow) = description.pixelsPerFrame.multipliedReportingOverflow(
            by: description.samplesPerPixel * width)
        let held = limits.frameRetention == .everyFrame ? description.numberOfFrames : 0
        let needed =
            overflow
            ? Int.max
            : ReadLimits.memoryNeeded(
                fileBytes: file.byteCount, inflatedBytes: file.inflatedByteCount, frameSamples: frameSamples,
                heldFrames: held)
        guard needed <= limits.memoryBudget else {
            throw .tooLarge(
                file: source, tag: .pixelData, offset: element.offset, limit: .memoryBudget, value: needed,
                maximum: limits.memoryBudget)
        }
    }

    /// Native Pixel Data must hold every declared frame.
    private func validateNativeLength(_ element: DataElement) throws(DICOMError) {
        // validateDeclaredSize bounded frames x frame bytes, so this cannot overflow.
        var expected = description.nativeLayout.imageBytes
        // Byte-swapped 8-bit data reads the last sample from the pad byte of its 16-bit word.
        if isByteSwapped8Bit(element) && expected % 2 == 1 { expected += 1 }
        guard !element.isTruncated, element.length >= expected else {
            throw .truncatedPixelData(
                file: source, offset: element.offset, expectedBytes: expected, availableBytes: element.length)
        }
    }

    /// Every frame of encapsulated Pixel Data starts a fragment of its own (PS3.5 A.4), so a header
    /// declaring more frames than there are fragments is refused before any frame is decoded.
    private func validateFragmentCount(_ element: DataElement, frameFragments: Int) throws(DICOMError) {
        guard frameFragments >= 1, description.numberOfFrames > frameFragments else { return }
        if element.isTruncated {
            throw .truncatedFrames(
                file: source, offset: element.offset, expectedFrames: description.numberOfFrames,
                availableFrames: frameFragments)
        }
        throw .malformed(
            file: source, tag: .numberOfFrames, offset: file.dataSet[.numberOfFrames]?.offset ?? element.offset,
            reason:
                "Number of Frames is \(description.numberOfFrames) but Pixel Data holds only \(frameFragments) "
                + "fragment(s); every frame needs at least one (PS3.5 A.4)")
    }

    /// An 8-bit image written as OW in big endian has its bytes swapped in pairs (PS3.5 §8.2).
    func isByteSwapped8Bit(_ element: DataElement) -> Bool {
        description.bitsAllocated == 8 && file.dataSet.isBigEndian && element.vr == .OW
    }
}
