/// The source's elements carried into the Explicit VR Little Endian data set: value bytes as they
/// are (swapped to little endian from a big-endian source, PS3.5 §7.3), the VR the source wrote
/// (or its dictionary gave), sequences written with undefined length and closed by delimitation
/// items (PS3.5 §7.5). A sequence item holding encapsulated Pixel Data (an icon) has its image
/// rewritten in the target syntax like the main image.
extension Transcoder {
    static func appendElements(
        of dataSet: DataSet, edits: ElementEdits, isTopLevel: Bool, source: DICOMFile, target: TargetSyntax,
        into output: inout [UInt8]
    ) throws(TranscodeError) {
        enum Entry {
            case copy(DataElement)
            case encoded([UInt8])
        }
        var entries: [(tag: DICOMTag, entry: Entry)] = edits.set.map { ($0.key, .encoded($0.value)) }
        for element in dataSet.elements {
            let tag = element.tag
            // Group lengths no longer hold once values change; File Meta belongs to the header.
            if tag.element == 0x0000 || edits.removed.contains(tag) || edits.set[tag] != nil { continue }
            if isTopLevel && tag.group <= 0x0002 { continue }
            entries.append((tag, .copy(element)))
        }
        entries.sort { $0.tag < $1.tag }
        for (_, entry) in entries {
            switch entry {
            case .encoded(let bytes): output += bytes
            case .copy(let element):
                try appendCopy(element, of: dataSet, source: source, target: target, into: &output)
            }
        }
    }

    static func appendCopy(
        _ element: DataElement, of dataSet: DataSet, source: DICOMFile, target: TargetSyntax,
        into output: inout [UInt8]
    ) throws(TranscodeError) {
        let file = source.source
        switch element.content {
        case .sequence(let items):
            appendHeader(element.tag, .SQ, length: 0xFFFF_FFFF, into: &output)
            for item in items {
                DataSetWriter.appendTag(.item, to: &output)
                DataSetWriter.appendUInt32(0xFFFF_FFFF, to: &output)
                try appendItem(item, in: element.tag, source: source, target: target, into: &output)
                DataSetWriter.appendTag(.itemDelimitation, to: &output)
                DataSetWriter.appendUInt32(0, to: &output)
            }
            DataSetWriter.appendTag(.sequenceDelimitation, to: &output)
            DataSetWriter.appendUInt32(0, to: &output)
        case .fragments:
            throw .unsupported(
                file: file, target: target,
                reason: "\(element.tag.described) holds encapsulated data outside an image's Pixel Data")
        case .value:
            var vr = element.vr
            var value = Array(dataSet.buffer[element.valueOffset..<(element.valueOffset + element.length)])
            if vr == .SQ {
                guard value.isEmpty else {
                    throw .unsupported(
                        file: file, target: target,
                        reason: "\(element.tag.described) is a sequence stored as an opaque value")
                }
                appendHeader(element.tag, .SQ, length: 0xFFFF_FFFF, into: &output)
                DataSetWriter.appendTag(.sequenceDelimitation, to: &output)
                DataSetWriter.appendUInt32(0, to: &output)
                return
            }
            if dataSet.isBigEndian { value = DataSet.swapped(value, unit: vr.unitSize) }
            if value.count % 2 == 1 { value.append(vr.paddingByte) }
            // Only an Implicit VR source can hold a short-length VR this long: keep it as OW or UN.
            if !vr.hasLongExplicitLength && value.count > vr.maximumElementLength {
                vr = vr == .US || vr == .SS ? .OW : .UN
            }
            guard value.count <= vr.maximumElementLength else {
                throw .tooLarge(file: file, reason: "\(element.tag.described) holds \(value.count) bytes")
            }
            appendHeader(element.tag, vr, length: UInt32(value.count), into: &output)
            output += value
        }
    }

    /// One sequence item; an item with encapsulated Pixel Data is an image of its own (the Icon
    /// Image Sequence of a compressed file, PS3.5 A.4) and is rewritten like the main image.
    static func appendItem(
        _ item: DataSet, in sequence: DICOMTag, source: DICOMFile, target: TargetSyntax, into output: inout [UInt8]
    ) throws(TranscodeError) {
        guard item[.pixelData]?.fragments != nil else {
            try appendElements(
                of: item, edits: ElementEdits(), isTopLevel: false, source: source, target: target,
                into: &output)
            return
        }
        let edits: ElementEdits
        do throws(TranscodeError) {
            let image: DICOMImage
            do throws(DICOMError) {
                image = try DICOMImage(file: DICOMFile(item: item, of: source))
            } catch {
                throw .unreadable(error)
            }
            edits = try rewritePixels(of: image, to: target).edits
        } catch {
            throw .unsupported(
                file: source.source, target: target,
                reason: "the image in a \(sequence.described) item cannot be rewritten: \(error)")
        }
        try appendElements(of: item, edits: edits, isTopLevel: false, source: source, target: target, into: &output)
    }

    /// Tag, VR and length in Explicit VR Little Endian (PS3.5 §7.1.2).
    static func appendHeader(_ tag: DICOMTag, _ vr: ValueRepresentation, length: UInt32, into output: inout [UInt8]) {
        DataSetWriter.appendTag(tag, to: &output)
        output += Array(vr.rawValue.utf8)
        if vr.hasLongExplicitLength {
            output += [0, 0]
            DataSetWriter.appendUInt32(length, to: &output)
        } else {
            DataSetWriter.appendUInt16(UInt16(length), to: &output)
        }
    }
}
