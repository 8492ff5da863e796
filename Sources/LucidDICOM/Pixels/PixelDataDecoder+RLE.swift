/// RLE Lossless frames (PS3.5 Annex G): one byte segment per byte of each sample, the samples in
/// order and each sample's bytes most significant first (G.2); interleaved by pixel on the way out.
extension PixelDataDecoder {
    func rleSamples(_ bytes: [UInt8], index: Int) throws(DICOMError) -> StoredSamples {
        let bytesPerSample = description.bitsAllocated / 8
        let samplesPerPixel = description.samplesPerPixel
        let pixels = description.pixelsPerFrame
        let planes: [[UInt8]]
        do {
            planes = try RLEDecoder.decodePlanes(
                bytes, pixelCount: pixels, expectedSegments: bytesPerSample * samplesPerPixel)
        } catch {
            switch error {
            case .invalid(let reason):
                throw .codec(file: source, transferSyntax: file.transferSyntax.name, frame: index + 1, reason: reason)
            }
        }
        switch bytesPerSample {
        case 1:
            return .uint8(interleave(planes, bytesPerSample: 1, as: UInt8.self))
        case 2:
            var values = interleave(planes, bytesPerSample: 2, as: UInt16.self)
            Self.mask(&values, shift: 0, bitsStored: description.bitsStored)
            return .uint16(values)
        default:
            var values = interleave(planes, bytesPerSample: 4, as: UInt32.self)
            Self.mask(&values, shift: 0, bitsStored: description.bitsStored)
            return .uint32(values)
        }
    }

    /// Builds each sample from its byte planes (most significant first) and interleaves the samples.
    private func interleave<Sample: FixedWidthInteger & UnsignedInteger>(
        _ planes: [[UInt8]], bytesPerSample: Int, as: Sample.Type
    ) -> [Sample] {
        let samplesPerPixel = description.samplesPerPixel
        let pixels = description.pixelsPerFrame
        var values = [Sample](repeating: 0, count: pixels * samplesPerPixel)
        for sample in 0..<samplesPerPixel {
            for byte in 0..<bytesPerSample {
                let plane = planes[sample * bytesPerSample + byte]
                let shift = Sample((bytesPerSample - 1 - byte) * 8)
                for pixel in 0..<pixels {
                    values[pixel * samplesPerPixel + sample] |= Sample(plane[pixel]) << shift
                }
            }
        }
        return values
    }
}
