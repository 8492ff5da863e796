/// One element's value decoded for showing it (`lucid dump`, the DICOM JSON model of PS3.18 F):
/// text as read, binary numbers in the data set's byte order, everything else as bytes.
public enum ElementValue: Sendable {
    /// A character string VR (PS3.5 §6.2): the values split at `\` (never for LT, ST, UT, UR),
    /// each with its padding removed; empty when the element has no value or only padding.
    case text([String])
    /// US, SS, UL, SL, SV, UV values.
    case integers([Int64])
    /// UV values at or above 2^63, which `integers` cannot hold.
    case unsignedIntegers([UInt64])
    /// FL and FD values.
    case reals([Double])
    /// AT values.
    case tags([DICOMTag])
    /// OB, OD, OF, OL, OV, OW and UN values, as stored.
    case bytes(ArraySlice<UInt8>)
    /// A sequence's items.
    case items([DataSet])
    /// Encapsulated Pixel Data: the Basic Offset Table item, then the fragments.
    case fragments([Fragment])
}

extension DataSet {
    /// The VR to show an element with: the one written in the file; for Implicit VR (or UN), the
    /// one PS3.6 gives, SS rather than US for a pixel value attribute of a signed image (Pixel
    /// Representation 1 in this data set, PS3.5 §6.2); else the parser's. A sequence that did not
    /// parse as items stays UN unless it is empty.
    public func displayVR(of element: DataElement) -> ValueRepresentation {
        guard !isExplicitVR || element.vr == .UN, case .value = element.content else { return element.vr }
        guard let known = StandardDictionary.entry(for: element.tag)?.vr else { return effectiveVR(element) }
        if known == .US, StandardDictionary.signedWithPixelRepresentation.contains(element.tag.combined),
            integer(.pixelRepresentation) == 1
        {
            return .SS
        }
        return known == .SQ && element.length > 0 ? .UN : known
    }

    /// The value bytes of a plain element (empty for a sequence or encapsulated Pixel Data).
    public func valueBytes(of element: DataElement) -> ArraySlice<UInt8> {
        guard case .value = element.content else { return [] }
        return buffer[element.valueOffset..<(element.valueOffset + element.length)]
    }

    /// The element's value, decoded by `displayVR(of:)`.
    public func value(of element: DataElement) -> ElementValue {
        switch element.content {
        case .sequence(let items): return .items(items)
        case .fragments(let fragments): return .fragments(fragments)
        case .value: break
        }
        let raw = valueBytes(of: element)
        let vr = displayVR(of: element)
        switch vr {
        case .US: return .integers(words(raw).map { Int64($0) })
        case .SS: return .integers(words(raw).map { Int64(Int16(bitPattern: $0)) })
        case .UL: return .integers(longs(raw).map { Int64($0) })
        case .SL: return .integers(longs(raw).map { Int64(Int32(bitPattern: $0)) })
        case .SV: return .integers(quads(raw).map { Int64(bitPattern: $0) })
        case .UV:
            let values = quads(raw)
            if values.allSatisfy({ $0 <= UInt64(Int64.max) }) { return .integers(values.map { Int64($0) }) }
            return .unsignedIntegers(values)
        case .FL: return .reals(longs(raw).map { Double(Float(bitPattern: $0)) })
        case .FD: return .reals(quads(raw).map { Double(bitPattern: $0) })
        case .SQ: return .items([])
        case .AT:
            let halves = words(raw)
            return .tags(stride(from: 0, to: halves.count - 1, by: 2).map { DICOMTag(halves[$0], halves[$0 + 1]) })
        default:
            guard vr.isText else { return .bytes(raw) }
            let text = decodeText(raw)
            let values =
                vr.isSingleValuedText
                ? [text.trimmingDICOMPadding()]
                : text.split(separator: "\\", omittingEmptySubsequences: false).map {
                    String($0).trimmingDICOMPadding()
                }
            return .text(values == [""] ? [] : values)
        }
    }
}
