import LucidDICOM

/// Writes a data set with the profile applied to every element, into every sequence item, in
/// Explicit VR Little Endian: elements the profile keeps are copied with their bytes (Pixel Data
/// and its fragments included), the others removed, emptied or replaced. Group lengths are left
/// out (their values no longer hold), and so is File Meta, which the writer regenerates.
struct DataSetCleaner {
    let profile: ConfidentialityProfile
    let pseudonymizer: Pseudonymizer
    let source: DICOMFile
    let sopClassUID: String
    /// The original top-level Patient ID, which names the pseudonymous patient.
    let patientID: String
    /// The whole-day shift of dates, when the modified-dates option is in force.
    let dayOffset: Int?
    /// The top level's names and IDs, upper-cased, under Clean Descriptors (else empty): a
    /// description holding one is not kept.
    let identifyingWords: Set<String>
    /// Original -> pseudonym of every value replaced by a keyed pseudonym.
    private(set) var mapping: [MappingRow] = []

    /// What becomes of one element.
    enum Decision {
        case copy
        case remove
        case replace(WritableElement)
        case emptySequence
        case cleanItems([DataSet])
    }

    init(
        profile: ConfidentialityProfile, pseudonymizer: Pseudonymizer, source: DICOMFile, patientID: String,
        dayOffset: Int?
    ) {
        self.profile = profile
        self.pseudonymizer = pseudonymizer
        self.source = source
        self.sopClassUID = source.dataSet.string(.sopClassUID) ?? ""
        self.patientID = patientID
        self.dayOffset = dayOffset
        self.identifyingWords =
            profile.options.contains(.cleanDescriptors) ? DescriptorVocabulary.identifyingWords(of: source.dataSet) : []
    }

    /// Appends the cleaned elements of `dataSet` and `additions` (which replace elements of the
    /// same tag), in ascending tag order (PS3.5 §7.1).
    mutating func append(
        _ dataSet: DataSet, depth: Int, parent: DICOMTag? = nil, additions: [WritableElement] = [],
        into output: inout [UInt8]
    ) throws(DeidentifyError) {
        let added = Set(additions.map(\.tag))
        var entries: [(tag: DICOMTag, element: DataElement?, decision: Decision)] = additions.map {
            ($0.tag, nil, .replace($0))
        }
        for element in dataSet.elements {
            let tag = element.tag
            if tag.element == 0x0000 || added.contains(tag) { continue }
            if depth == 0 && tag.group <= 0x0002 { continue }
            var decision = decide(element, in: dataSet, parent: parent)
            if case .copy = decision { decision = Self.signedIfImplicit(element, in: dataSet) }
            entries.append((tag, element, decision))
        }
        entries.sort { $0.tag < $1.tag }
        for entry in entries {
            try write(entry.decision, element: entry.element, tag: entry.tag, of: dataSet, depth: depth, into: &output)
        }
    }

    private mutating func write(
        _ decision: Decision, element: DataElement?, tag: DICOMTag, of dataSet: DataSet, depth: Int,
        into output: inout [UInt8]
    ) throws(DeidentifyError) {
        switch decision {
        case .remove:
            return
        case .replace(let replacement):
            do throws(DICOMWriteError) {
                try DataSetWriter.encode(replacement, into: &output)
            } catch {
                throw .cannotWrite(file: source.source, reason: "\(tag.described): \(error)")
            }
        case .emptySequence:
            Transcoder.appendSequenceStart(tag, into: &output)
            Transcoder.appendSequenceEnd(into: &output)
        case .cleanItems(let items):
            Transcoder.appendSequenceStart(tag, into: &output)
            for item in items {
                Transcoder.appendItemStart(into: &output)
                try append(item, depth: depth + 1, parent: tag, into: &output)
                Transcoder.appendItemEnd(into: &output)
            }
            Transcoder.appendSequenceEnd(into: &output)
        case .copy:
            guard let element else { return }
            do throws(TranscodeError) {
                if element.fragments != nil {
                    try Transcoder.appendEncapsulated(element, of: dataSet, source: source, into: &output)
                } else {
                    try Transcoder.appendPlainElement(element, of: dataSet, source: source, into: &output)
                }
            } catch {
                throw .cannotWrite(file: source.source, reason: error.description)
            }
        }
    }

    /// A pixel value attribute of a signed image read from Implicit VR (Pixel Padding Value, say)
    /// is written as SS, not as the dictionary's first VR US (PS3.5 §6.2, the "US or SS" VRs).
    static func signedIfImplicit(_ element: DataElement, in dataSet: DataSet) -> Decision {
        guard !dataSet.isExplicitVR, element.vr == .US, dataSet.displayVR(of: element) == .SS,
            !dataSet.isBigEndian
        else { return .copy }
        return .replace(
            WritableElement(tag: element.tag, vr: .SS, value: .bytes(Array(dataSet.valueBytes(of: element)))))
    }

    /// Records a pseudonym for the mapping file.
    mutating func record(_ kind: MappingRow.Kind, _ original: String, _ pseudonym: String) {
        mapping.append(MappingRow(kind: kind, original: original, pseudonym: pseudonym))
    }
}
