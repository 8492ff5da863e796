/// One element of a data set, located in the bytes it was read from (PS3.5 §7.1).
public struct DataElement: Sendable {
    /// What the element holds.
    public enum Content: Sendable {
        /// A plain value: `length` bytes at `valueOffset`.
        case value
        /// A sequence of items, each a data set (PS3.5 §7.5).
        case sequence([DataSet])
        /// Encapsulated Pixel Data: the Basic Offset Table item then one item per fragment (PS3.5 A.4).
        case fragments([Fragment])
    }

    public let tag: DICOMTag
    /// The VR written in the file (Explicit VR), or taken from the dictionary (Implicit VR; UN when unknown).
    public let vr: ValueRepresentation
    /// Byte offset of the element's tag.
    public let offset: Int
    /// Byte offset of the first value byte.
    public let valueOffset: Int
    /// Number of value bytes present (for undefined lengths: what was read up to the delimiter).
    public let length: Int
    /// True when the element was written with undefined length (0xFFFFFFFF).
    public let hasUndefinedLength: Bool
    /// For Pixel Data only: the declared length ran past the end of the file; `length` holds what is present.
    public let isTruncated: Bool
    public let content: Content

    init(
        tag: DICOMTag, vr: ValueRepresentation, offset: Int, valueOffset: Int, length: Int,
        hasUndefinedLength: Bool = false, isTruncated: Bool = false, content: Content = .value
    ) {
        self.tag = tag
        self.vr = vr
        self.offset = offset
        self.valueOffset = valueOffset
        self.length = length
        self.hasUndefinedLength = hasUndefinedLength
        self.isTruncated = isTruncated
        self.content = content
    }

    /// The items, when the element is a sequence.
    public var items: [DataSet]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The fragments, when the element is encapsulated Pixel Data.
    public var fragments: [Fragment]? {
        if case .fragments(let fragments) = content { return fragments }
        return nil
    }
}

/// One item of encapsulated Pixel Data (PS3.5 A.4): the Basic Offset Table or a fragment of a frame.
public struct Fragment: Sendable, Equatable {
    /// Byte offset of the item tag (FFFE,E000).
    public let offset: Int
    /// Byte offset of the first byte of the fragment's data.
    public let valueOffset: Int
    /// Number of data bytes.
    public let length: Int
}
