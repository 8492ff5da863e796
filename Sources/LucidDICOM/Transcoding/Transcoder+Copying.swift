/// The transcoder's element encoding, offered to modules that rewrite a parsed data set element by
/// element (the de-identifier): Explicit VR Little Endian (PS3.5 §7.1.2), sequences and items of
/// undefined length closed by delimitation items (PS3.5 §7.5), encapsulated Pixel Data copied item
/// by item (PS3.5 A.4).
extension Transcoder {
    /// One plain element (neither a sequence nor encapsulated data) with its source value bytes:
    /// brought to little endian from a big-endian source, padded to even length, an over-long
    /// Implicit VR value kept as OW or UN.
    /// - Throws: `TranscodeError.tooLarge`, or `.unsupported` for a sequence stored as an opaque value.
    package static func appendPlainElement(
        _ element: DataElement, of dataSet: DataSet, source: DICOMFile, into output: inout [UInt8]
    ) throws(TranscodeError) {
        guard case .value = element.content else {
            throw .unsupported(
                file: source.source, target: .explicitVRLittleEndian,
                reason: "\(element.tag.described) is not a plain value")
        }
        try appendCopy(element, of: dataSet, source: source, target: .explicitVRLittleEndian, into: &output)
    }

    /// The header of a sequence of undefined length.
    package static func appendSequenceStart(_ tag: DICOMTag, into output: inout [UInt8]) {
        appendHeader(tag, .SQ, length: 0xFFFF_FFFF, into: &output)
    }

    /// An item of undefined length begins.
    package static func appendItemStart(into output: inout [UInt8]) {
        DataSetWriter.appendTag(.item, to: &output)
        DataSetWriter.appendUInt32(0xFFFF_FFFF, to: &output)
    }

    /// The Item Delimitation Item.
    package static func appendItemEnd(into output: inout [UInt8]) {
        DataSetWriter.appendTag(.itemDelimitation, to: &output)
        DataSetWriter.appendUInt32(0, to: &output)
    }

    /// The Sequence Delimitation Item.
    package static func appendSequenceEnd(into output: inout [UInt8]) {
        DataSetWriter.appendTag(.sequenceDelimitation, to: &output)
        DataSetWriter.appendUInt32(0, to: &output)
    }

    /// Encapsulated Pixel Data copied as it is, as OB (PS3.5 A.4): the Basic Offset Table item and every fragment
    /// with their bytes unchanged, then the Sequence Delimitation Item.
    package static func appendEncapsulated(
        _ element: DataElement, of dataSet: DataSet, source: DICOMFile, into output: inout [UInt8]
    ) throws(TranscodeError) {
        guard let fragments = element.fragments else {
            throw .unsupported(
                file: source.source, target: .explicitVRLittleEndian,
                reason: "\(element.tag.described) is not encapsulated")
        }
        appendHeader(element.tag, .OB, length: 0xFFFF_FFFF, into: &output)
        for fragment in fragments {
            guard let length = UInt32(exactly: fragment.length), length != 0xFFFF_FFFF else {
                throw .tooLarge(file: source.source, reason: "a fragment holds \(fragment.length) bytes")
            }
            DataSetWriter.appendTag(.item, to: &output)
            DataSetWriter.appendUInt32(length, to: &output)
            output += dataSet.bytes(of: fragment)
        }
        appendSequenceEnd(into: &output)
    }
}
