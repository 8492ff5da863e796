import LucidImaging

extension DerivedImage {
    /// The SOP Class of the derived image and the IOD-specific attributes copied from the source.
    ///
    /// The rule: the source's SOP Class is kept when it is one of the classic single-frame IODs
    /// listed in `Plan.keptIODs` (CT, MR, CR, Secondary Capture), the source is single-frame
    /// without functional groups, it has every Type 1 attribute those IODs' image modules need
    /// (PS3.3 A.2 CR, A.3 CT, A.4 MR, A.8 SC), its bit depth suits the IOD (CT: 12...16 bits
    /// stored, C.8.2.1.1.4), CT has Rescale Slope/Intercept (not a Modality LUT Sequence), and the
    /// processed image has the source's size when the IOD carries an Image Plane. Otherwise the
    /// result is Secondary Capture Image Storage (PS3.3 A.8.1), where the spatial, equipment and
    /// functional-group attributes of the source are not copied.
    public struct Plan: Sendable, Equatable {
        /// The derived image's SOP Class UID.
        public let sopClassUID: String
        /// True when the source's SOP Class is kept.
        public let keepsSourceClass: Bool
        /// Why, in words: the rule that decided.
        public let reason: String
        /// IOD-specific attributes copied from the source (Type 2 ones written empty when absent).
        let attributes: [ModuleAttribute]

        init(source: DICOMImage, processedSize: (Int, Int), encoding: StoredValueEncoding) {
            self = Plan.choose(source: source, processedSize: processedSize, encoding: encoding)
        }

        private static func choose(source: DICOMImage, processedSize: (Int, Int), encoding: StoredValueEncoding)
            -> Plan
        {
            let dataSet = source.dataSet
            let sourceClass = dataSet.string(.sopClassUID) ?? ""
            let sameSize = processedSize.0 == source.pixel.columns && processedSize.1 == source.pixel.rows
            func fallback(_ reason: String) -> Plan {
                var attributes = Plan.secondaryCaptureAttributes
                if sameSize { attributes.append(ModuleAttribute(0x0028, 0x0030, .DS, type: 3)) }
                return Plan(
                    sopClassUID: DICOMUID.secondaryCaptureImageStorage, keepsSourceClass: false, reason: reason,
                    attributes: attributes)
            }
            let hasFunctionalGroups =
                dataSet.hasValue(.sharedFunctionalGroupsSequence) || dataSet.hasValue(.perFrameFunctionalGroupsSequence)
            if source.pixel.numberOfFrames > 1 || hasFunctionalGroups {
                return fallback("multi-frame or enhanced source: functional groups are not copied")
            }
            guard let iod = Plan.keptIODs[sourceClass] else {
                return fallback("SOP Class \(sourceClass.isEmpty ? "(none)" : sourceClass) is not one Lucid keeps")
            }
            let missing = iod.attributes.filter { $0.type == 1 && !dataSet.hasValue($0.tag) }.map(\.tag.described)
            if !missing.isEmpty {
                return fallback("\(iod.name) needs \(missing.joined(separator: ", ")), absent in the source")
            }
            if iod.needsRescale {
                let hasRescale = dataSet.hasValue(.rescaleSlope) && dataSet.hasValue(.rescaleIntercept)
                if !hasRescale || dataSet.hasValue(.modalityLUTSequence) {
                    return fallback("\(iod.name) needs Rescale Slope/Intercept and no Modality LUT Sequence")
                }
            }
            if !iod.bitsStored.contains(encoding.bitsStored) {
                return fallback("\(iod.name) needs \(iod.bitsStored) bits stored, not \(encoding.bitsStored)")
            }
            if iod.hasImagePlane, !sameSize {
                return fallback("the processed image is resized, so the source's Image Plane no longer applies")
            }
            return Plan(
                sopClassUID: sourceClass, keepsSourceClass: true,
                reason: "\(iod.name): the source has every Type 1 attribute", attributes: iod.attributes)
        }

        private init(sopClassUID: String, keepsSourceClass: Bool, reason: String, attributes: [ModuleAttribute]) {
            self.sopClassUID = sopClassUID
            self.keepsSourceClass = keepsSourceClass
            self.reason = reason
            self.attributes = attributes
        }

        public static func == (lhs: Plan, rhs: Plan) -> Bool {
            lhs.sopClassUID == rhs.sopClassUID && lhs.keepsSourceClass == rhs.keepsSourceClass
                && lhs.reason == rhs.reason
        }
    }

    /// An attribute of an IOD module with its Type (PS3.5 §7.4): 1 must have a value, 2 is written
    /// empty when the source has none, 3 is copied when present.
    struct ModuleAttribute: Sendable {
        let tag: DICOMTag
        let vr: ValueRepresentation
        let type: Int

        init(_ group: UInt16, _ element: UInt16, _ vr: ValueRepresentation, type: Int) {
            self.tag = DICOMTag(group, element)
            self.vr = vr
            self.type = type
        }
    }

    /// An IOD whose SOP Class a derived image keeps.
    struct KeptIOD: Sendable {
        let name: String
        let attributes: [ModuleAttribute]
        let needsRescale: Bool
        let bitsStored: ClosedRange<Int>
        let hasImagePlane: Bool
    }
}
