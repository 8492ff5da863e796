import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// Shared checks of transcoded files: stored values and attributes compared with the source.
enum TranscodeCheck {
    /// Every file of both corpora, as full paths.
    static var corpusPaths: [String] {
        let samples = SampleCorpus.fileNames().map(SampleCorpus.path)
        let codecs = ((try? SampleCorpus.codecEntries()) ?? []).compactMap { $0["file"] as? String }
            .map(SampleCorpus.codecsPath)
        return samples + codecs
    }

    /// Every frame of `image`, or nil when one does not decode.
    static func frames(_ image: DICOMImage) -> [StoredFrame]? {
        var frames: [StoredFrame] = []
        for index in 0..<image.pixel.numberOfFrames {
            guard let frame = try? image.storedFrame(index) else { return nil }
            frames.append(frame)
        }
        return frames
    }

    /// Reads transcoded bytes back.
    static func read(_ bytes: [UInt8], name: String) throws -> DICOMImage {
        try DICOMImage(file: DICOMFile(bytes: bytes, source: name))
    }

    /// Frame by frame, the output's stored values equal the source's.
    static func expectSameStoredValues(
        _ output: DICOMImage, _ source: [StoredFrame], _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(output.pixel.numberOfFrames == source.count, "\(label): frame count", sourceLocation: sourceLocation)
        for (index, expected) in source.enumerated() {
            let frame = try output.storedFrame(index)
            let same =
                frame.samples == expected.samples && frame.bitsStored == expected.bitsStored
                && frame.isSigned == expected.isSigned && frame.samplesPerPixel == expected.samplesPerPixel
            #expect(same, "\(label): frame \(index + 1) stored values differ", sourceLocation: sourceLocation)
        }
    }

    /// Tags the transcoder may change (PS3.5 §8.2, PS3.3 C.7.6.3, C.7.6.1.1.5).
    static let pixelTags: Set<DICOMTag> = [
        .pixelData, .floatPixelData, .doubleFloatPixelData, .extendedOffsetTable, .extendedOffsetTableLengths,
    ]
    static let editableTags: Set<DICOMTag> = [
        .photometricInterpretation, .planarConfiguration, .highBit, .lossyImageCompression,
        .lossyImageCompressionRatio, .lossyImageCompressionMethod,
    ]

    /// Every element of `source` but the pixel-related ones is in `output` with the same value
    /// bytes (little endian, padded to even length); sequences item by item.
    static func expectSameElements(
        _ source: DataSet, _ output: DataSet, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for element in source.elements {
            let tag = element.tag
            if tag.element == 0x0000 || tag.group == 0x0002 || pixelTags.contains(tag) || editableTags.contains(tag) {
                continue
            }
            guard let copy = output[tag] else {
                Issue.record("\(label): \(tag.described) is missing", sourceLocation: sourceLocation)
                continue
            }
            #expect(copy.vr == element.vr, "\(label): \(tag.described) VR", sourceLocation: sourceLocation)
            if let items = element.items {
                let copies = copy.items ?? []
                #expect(copies.count == items.count, "\(label): \(tag.described) items", sourceLocation: sourceLocation)
                for (item, itemCopy) in zip(items, copies) {
                    expectSameElements(item, itemCopy, label + " " + tag.described, sourceLocation: sourceLocation)
                }
                continue
            }
            #expect(
                normalized(source, element) == output.rawValue(tag).map(Array.init) ?? [],
                "\(label): \(tag.described) value bytes differ", sourceLocation: sourceLocation)
        }
    }

    /// The value bytes of `element` as the output must hold them: little endian, even length.
    static func normalized(_ dataSet: DataSet, _ element: DataElement) -> [UInt8] {
        var bytes = dataSet.rawValue(element.tag).map(Array.init) ?? []
        if dataSet.isBigEndian {
            let unit: Int
            switch element.vr {
            case .US, .SS, .OW, .AT: unit = 2
            case .UL, .SL, .FL, .OF, .OL: unit = 4
            case .FD, .OD, .SV, .UV, .OV: unit = 8
            default: unit = 1
            }
            if unit > 1 {
                for start in stride(from: 0, to: bytes.count - unit + 1, by: unit) {
                    bytes[start..<(start + unit)].reverse()
                }
            }
        }
        if bytes.count % 2 == 1 { bytes.append(element.vr == .UI || !element.vr.isTextual ? 0 : 0x20) }
        return bytes
    }
}

extension ValueRepresentation {
    /// Text VRs, padded with a space (PS3.5 §6.2).
    fileprivate var isTextual: Bool {
        [.AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .LT, .PN, .SH, .ST, .TM, .UC, .UR, .UT].contains(self)
    }
}
