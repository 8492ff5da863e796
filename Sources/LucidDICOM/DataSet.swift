/// A parsed data set (or sequence item): elements by tag, kept in file order, over the bytes they
/// were read from. Values are decoded on request; an empty value (Type 2 attribute with no value)
/// reads as absent.
public struct DataSet: Sendable {
    /// The bytes the element offsets point into (the whole file, or the inflated data set).
    let buffer: [UInt8]
    public let isBigEndian: Bool
    public let isExplicitVR: Bool
    /// Elements in the order they appear.
    public private(set) var elements: [DataElement]
    private var index: [DICOMTag: Int]

    init(buffer: [UInt8], isBigEndian: Bool, isExplicitVR: Bool) {
        self.buffer = buffer
        self.isBigEndian = isBigEndian
        self.isExplicitVR = isExplicitVR
        self.elements = []
        self.index = [:]
    }

    mutating func append(_ element: DataElement) {
        if let existing = index[element.tag] {
            elements[existing] = element
        } else {
            index[element.tag] = elements.count
            elements.append(element)
        }
    }

    /// The element with this tag, whether or not it has a value.
    public subscript(tag: DICOMTag) -> DataElement? {
        guard let position = index[tag] else { return nil }
        return elements[position]
    }

    /// True when the element is present and its value is not empty.
    public func hasValue(_ tag: DICOMTag) -> Bool {
        guard let element = self[tag] else { return false }
        switch element.content {
        case .value: return element.length > 0
        case .sequence(let items): return !items.isEmpty
        case .fragments(let fragments): return !fragments.isEmpty
        }
    }

    /// The raw value bytes, or nil when absent or empty.
    public func rawValue(_ tag: DICOMTag) -> ArraySlice<UInt8>? {
        guard let element = self[tag], case .value = element.content, element.length > 0 else { return nil }
        return buffer[element.valueOffset..<(element.valueOffset + element.length)]
    }

    /// The bytes of one fragment of encapsulated Pixel Data.
    public func bytes(of fragment: Fragment) -> ArraySlice<UInt8> {
        buffer[fragment.valueOffset..<(fragment.valueOffset + fragment.length)]
    }

    /// The items of a sequence; nil when absent, not a sequence, or empty.
    public func sequence(_ tag: DICOMTag) -> [DataSet]? {
        guard let items = self[tag]?.items, !items.isEmpty else { return nil }
        return items
    }

    /// The VR to decode a value with: the file's, unless it is UN and the dictionary knows better.
    func effectiveVR(_ element: DataElement) -> ValueRepresentation {
        if element.vr == .UN, let known = DICOMDictionary.entry(for: element.tag)?.vr { return known }
        return element.vr
    }
}
