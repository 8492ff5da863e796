import LucidDICOM

/// Reads the content tree of a Structured Report (PS3.3 §C.17.3): the data set itself is the root
/// item (its Value Type is CONTAINER, its Concept Name the document title), and each Content
/// Sequence (0040,A730) item a child, recursively. Any tree reads: items without a Value Type or
/// Concept Name are kept with those fields empty, values that do not parse are nil, and nesting
/// deeper than `maximumDepth` is cut off (the parser already refuses files nested deeper than
/// `ReadLimits.maximumSequenceDepth`; the cap here keeps the reader bounded whatever built the set).
public enum SRContentTree {
    /// Deepest item read below the root, by default the parser's own nesting cap (32).
    public static let defaultMaximumDepth = ReadLimits.standard.maximumSequenceDepth

    /// The root item, or nil when the data set has neither a Content Sequence nor a Value Type (not an SR).
    public static func root(of dataSet: DataSet, maximumDepth: Int = defaultMaximumDepth) -> SRContentItem? {
        guard dataSet.sequence(SRTag.contentSequence) != nil || dataSet.string(SRTag.valueType) != nil else {
            return nil
        }
        return item(dataSet, relationship: nil, depth: 0, maximumDepth: maximumDepth)
    }

    /// The Template Identifier (0040,DB00) of the Content Template Sequence (0040,A504), e.g. `10011`.
    public static func templateIdentifier(of dataSet: DataSet) -> String? {
        dataSet.sequence(SRTag.contentTemplateSequence)?.first?.string(SRTag.templateIdentifier)
    }

    private static func item(_ dataSet: DataSet, relationship: String?, depth: Int, maximumDepth: Int)
        -> SRContentItem
    {
        let valueType = dataSet.string(SRTag.valueType)?.uppercased() ?? ""
        var result = SRContentItem(
            valueType: valueType, relationship: relationship,
            conceptName: CodedConcept(sequence: SRTag.conceptNameCodeSequence, in: dataSet))
        switch valueType {
        case "NUM":
            let measured = dataSet.sequence(SRTag.measuredValueSequence)?.first
            result.numericValue = measured?.doseNumber(SRTag.numericValue)
            if let measured { result.units = CodedConcept(sequence: SRTag.measurementUnitsCodeSequence, in: measured) }
        case "CODE":
            result.code = CodedConcept(sequence: SRTag.conceptCodeSequence, in: dataSet)
        case "TEXT": result.text = dataSet.string(SRTag.textValue)
        case "UIDREF": result.text = dataSet.string(SRTag.uid)
        case "DATETIME": result.text = dataSet.string(SRTag.dateTime)
        case "DATE": result.text = dataSet.string(SRTag.date)
        case "TIME": result.text = dataSet.string(SRTag.time)
        case "PNAME": result.text = dataSet.string(SRTag.personName)
        default: break
        }
        guard depth < maximumDepth, let items = dataSet.sequence(SRTag.contentSequence) else { return result }
        result.children = items.map { child in
            item(
                child, relationship: child.string(SRTag.relationshipType)?.uppercased(), depth: depth + 1,
                maximumDepth: maximumDepth)
        }
        return result
    }
}
