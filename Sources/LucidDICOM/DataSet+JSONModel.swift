import Foundation

/// The DICOM JSON model of PS3.18 F.2: a data set as `{"GGGGEEEE": {"vr": "..", "Value": [...]}}`.
///
/// Values follow F.2.3-F.2.7: text as strings (an empty value among several as `null`), IS and DS
/// as numbers (a value that does not parse stays a string), PN as `{"Alphabetic": ..,
/// "Ideographic": .., "Phonetic": ..}`, AT as `"GGGGEEEE"`, sequences as arrays of data sets, binary
/// VRs as `InlineBinary` (base64 of the stored bytes). An element without a value has only `vr`.
/// Pixel Data (7FE0,0010), Float and Double Float Pixel Data are bulk data: written as
/// `InlineBinary` only when asked for (encapsulated Pixel Data as its items), else with only `vr`.
extension DataSet {
    /// The data set as a JSON object (Foundation values, for `JSONSerialization`).
    /// - Parameter includingPixelData: write the pixel data elements' bytes (base64) too.
    public func jsonModel(includingPixelData: Bool) -> [String: Any] {
        var object: [String: Any] = [:]
        for element in elements {
            object[hex4(element.tag.group) + hex4(element.tag.element)] = jsonAttribute(
                element, includingPixelData: includingPixelData)
        }
        return object
    }

    private func jsonAttribute(_ element: DataElement, includingPixelData: Bool) -> [String: Any] {
        let vr = displayVR(of: element)
        var attribute: [String: Any] = ["vr": vr.rawValue]
        let isPixelData = [DICOMTag.pixelData, .floatPixelData, .doubleFloatPixelData].contains(element.tag)
        switch value(of: element) {
        case .text(let values):
            if !values.isEmpty { attribute["Value"] = values.map { Self.jsonText($0, vr: vr) } }
        case .integers(let values):
            if !values.isEmpty { attribute["Value"] = values.map { Int($0) } }
        case .unsignedIntegers(let values):
            if !values.isEmpty { attribute["Value"] = values.map { NSNumber(value: $0) } }
        case .reals(let values):
            if !values.isEmpty { attribute["Value"] = values }
        case .tags(let values):
            if !values.isEmpty { attribute["Value"] = values.map { hex4($0.group) + hex4($0.element) } }
        case .bytes(let bytes):
            if !bytes.isEmpty, includingPixelData || !isPixelData {
                attribute["InlineBinary"] = Data(bytes).base64EncodedString()
            }
        case .items(let items):
            attribute["Value"] = items.map { $0.jsonModel(includingPixelData: includingPixelData) }
        case .fragments:
            if includingPixelData {
                let bytes = buffer[element.valueOffset..<(element.valueOffset + element.length)]
                attribute["InlineBinary"] = Data(bytes).base64EncodedString()
            }
        }
        return attribute
    }

    /// One text value in the JSON model: `null` when empty, a number for IS and DS when it parses,
    /// an object of name groups for PN.
    private static func jsonText(_ text: String, vr: ValueRepresentation) -> Any {
        if text.isEmpty { return NSNull() }
        switch vr {
        case .IS:
            if let integer = Int(text) { return integer }
            if let real = Double(text), real.isFinite { return real }
            return text
        case .DS:
            if let real = Double(text), real.isFinite { return real }
            return text
        case .PN:
            let groups = text.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            var name: [String: Any] = [:]
            for (key, group) in zip(["Alphabetic", "Ideographic", "Phonetic"], groups) { name[key] = group }
            return name
        default:
            return text
        }
    }
}

extension DICOMFile {
    /// The File Meta Information (when present) and the data set as one JSON object in the DICOM
    /// JSON model (see `DataSet.jsonModel(includingPixelData:)`).
    public func jsonModel(includingPixelData: Bool) -> [String: Any] {
        let meta = fileMeta?.jsonModel(includingPixelData: includingPixelData) ?? [:]
        return meta.merging(dataSet.jsonModel(includingPixelData: includingPixelData)) { first, _ in first }
    }
}
