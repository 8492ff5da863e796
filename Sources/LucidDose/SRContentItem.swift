import LucidDICOM

/// One content item of a Structured Report's content tree (PS3.3 §C.17.3, SR Document Content
/// Module): its Value Type (0040,A040), its Relationship Type (0040,A010) with its parent, its
/// Concept Name (0040,A043), the value its type carries, and its children (Content Sequence
/// (0040,A730)) in document order. Fields that do not apply to the item's type are nil.
public struct SRContentItem: Sendable, Equatable {
    /// `CONTAINER`, `NUM`, `CODE`, `TEXT`, `UIDREF`, `DATETIME`, `PNAME`, ... as written; empty when absent.
    public var valueType: String
    /// `CONTAINS`, `HAS CONCEPT MOD`, `HAS OBS CONTEXT`, ...; nil for the root.
    public var relationship: String?
    public var conceptName: CodedConcept?
    /// A NUM item's Numeric Value (0040,A30A, DS): nil when the measured value is empty.
    public var numericValue: Double?
    /// A NUM item's Measurement Units Code (0040,08EA): the UCUM code value, e.g. `mGy.cm`.
    public var units: CodedConcept?
    /// A CODE item's Concept Code (0040,A168).
    public var code: CodedConcept?
    /// The value of a TEXT, UIDREF, DATETIME, DATE, TIME or PNAME item, as written.
    public var text: String?
    public var children: [SRContentItem]

    public init(
        valueType: String, relationship: String? = nil, conceptName: CodedConcept? = nil, numericValue: Double? = nil,
        units: CodedConcept? = nil, code: CodedConcept? = nil, text: String? = nil, children: [SRContentItem] = []
    ) {
        self.valueType = valueType
        self.relationship = relationship
        self.conceptName = conceptName
        self.numericValue = numericValue
        self.units = units
        self.code = code
        self.text = text
        self.children = children
    }

    /// Every item of the subtree, this one first, depth first in document order.
    public var allItems: [SRContentItem] {
        var result: [SRContentItem] = []
        var stack: [SRContentItem] = [self]
        while let item = stack.popLast() {
            result.append(item)
            stack.append(contentsOf: item.children.reversed())
        }
        return result
    }

    /// The NUM value with its units as a `DoseQuantity` (unit normalised by `DoseUnit`), or nil.
    public var quantity: DoseQuantity? {
        guard valueType == "NUM", let numericValue else { return nil }
        let written = units?.value ?? ""
        return DoseQuantity(value: numericValue, unit: DoseUnit.normalised(written), documentUnit: written)
    }

    /// True when the concept name is this DICOM (DCM) code value.
    public func isConcept(_ code: String) -> Bool { conceptName?.isDICOM(code) ?? false }

    /// The first child with this concept, not looking further down.
    public func child(_ code: String) -> SRContentItem? { children.first { $0.isConcept(code) } }

    /// The items of the subtree (this one included) with this concept, in document order.
    public func descendants(_ code: String) -> [SRContentItem] { allItems.filter { $0.isConcept(code) } }
}
