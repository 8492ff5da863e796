/// What a decoder makes of one marker segment.
enum JPEGSegmentOutcome<Image> {
    /// Look for the next marker after the segment.
    case next
    /// Look for the next marker at `offset`: after the entropy-coded data of a scan.
    case resume(at: Int)
    /// The image is complete; what follows in the codestream does not matter.
    case finished(Image)
}

/// The marker structure every JPEG process shares (T.81 B.2, B.3): SOI, then marker segments, each
/// handed to the decoder, with stand-alone markers skipped.
enum JPEGSegmentWalker {
    /// Walks the codestream `bytes` from its SOI marker (T.81 B.2.1), hands every marker segment to
    /// `handle` (positioned at its first parameter) and returns the image `handle` finishes with.
    /// - Throws: ``JPEGDecodingError/missingStartOfImage`` when `bytes` does not start with SOI;
    ///   ``JPEGDecodingError/truncated(offset:)`` when EOI or the end of the data comes before the
    ///   image is complete; ``JPEGDecodingError/unexpectedMarker(marker:offset:)`` for a second SOI;
    ///   ``JPEGDecodingError/unsupported(_:)`` for a DAC segment (arithmetic coding); the errors of
    ///   ``JPEGSegmentReader`` and what `handle` throws.
    static func walk<Image>(
        _ bytes: [UInt8],
        handle: (inout JPEGSegmentReader) throws(JPEGDecodingError) -> JPEGSegmentOutcome<Image>
    ) throws(JPEGDecodingError) -> Image {
        guard bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == JPEGMarker.startOfImage else {
            throw .missingStartOfImage
        }
        var offset = 2
        while let marker = JPEGMarker.find(in: bytes, from: offset) {
            switch marker.code {
            case JPEGMarker.endOfImage:
                throw .truncated(offset: marker.offset)
            case JPEGMarker.startOfImage:
                throw .unexpectedMarker(marker: marker.code, offset: marker.offset)
            case JPEGMarker.temporary, JPEGMarker.firstRestart...JPEGMarker.lastRestart:
                // Stand-alone markers without a length (T.81 B.1.1.3); a stray RSTn between
                // segments carries no information.
                offset = marker.offset + 2
                continue
            default:
                break
            }
            var segment = try JPEGSegmentReader(bytes: bytes, marker: marker.code, markerOffset: marker.offset)
            offset = segment.end
            guard marker.code != JPEGMarker.defineArithmeticConditioning else {
                throw .unsupported("arithmetic coding (DAC marker at byte offset \(marker.offset))")
            }
            switch try handle(&segment) {
            case .next:
                break
            case .resume(let next):
                offset = next
            case .finished(let image):
                return image
            }
        }
        throw .truncated(offset: bytes.count)
    }
}
