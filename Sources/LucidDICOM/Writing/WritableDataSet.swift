/// A value to encode, built from typed Swift values (PS3.5 §6.2). Which cases fit which VR:
///
/// - `strings`: every text VR (AE ... UT); several strings are written as one value joined by `\`.
///   DS and IS may also be given as `numbers`.
/// - `uint16s`: US, OW. `int16s`: SS. `uint32s`: UL, OL. `int32s`: SL.
/// - `float32s`: FL, OF. `numbers`: FD, OD, and DS / IS written as decimal text.
/// - `tags`: AT. `bytes`: OB, UN, or any VR given as its already encoded little-endian value (text
///   VRs: bytes in the data set's character set, padding added by the writer).
/// - `items`: SQ, one data set per item.
public enum WritableValue: Sendable, Equatable {
    case strings([String])
    case uint16s([UInt16])
    case int16s([Int16])
    case uint32s([UInt32])
    case int32s([Int32])
    case float32s([Float])
    case numbers([Double])
    case tags([DICOMTag])
    case bytes([UInt8])
    case items([WritableDataSet])

    /// The name of the case, for error messages.
    var kind: String {
        switch self {
        case .strings: return "strings"
        case .uint16s: return "UInt16 values"
        case .int16s: return "Int16 values"
        case .uint32s: return "UInt32 values"
        case .int32s: return "Int32 values"
        case .float32s: return "Float values"
        case .numbers: return "Double values"
        case .tags: return "tags"
        case .bytes: return "raw bytes"
        case .items: return "sequence items"
        }
    }
}

/// One element to write: tag, VR and value.
public struct WritableElement: Sendable, Equatable {
    public let tag: DICOMTag
    public let vr: ValueRepresentation
    public let value: WritableValue

    public init(tag: DICOMTag, vr: ValueRepresentation, value: WritableValue) {
        self.tag = tag
        self.vr = vr
        self.value = value
    }
}

/// A data set (or sequence item) being built for writing: at most one element per tag, encoded in
/// ascending tag order whatever the order they were set in (PS3.5 §7.1).
public struct WritableDataSet: Sendable, Equatable {
    private var storage: [DICOMTag: WritableElement] = [:]

    public init() {}

    public init(_ elements: [WritableElement]) {
        for element in elements { storage[element.tag] = element }
    }

    /// The elements in ascending tag order.
    public var elements: [WritableElement] { storage.values.sorted { $0.tag < $1.tag } }

    public var isEmpty: Bool { storage.isEmpty }

    public subscript(tag: DICOMTag) -> WritableElement? { storage[tag] }

    /// Sets (or replaces) an element.
    public mutating func set(_ tag: DICOMTag, _ vr: ValueRepresentation, _ value: WritableValue) {
        storage[tag] = WritableElement(tag: tag, vr: vr, value: value)
    }

    /// Sets a single text value; an empty string writes a zero-length (Type 2 empty) element.
    public mutating func set(_ tag: DICOMTag, _ vr: ValueRepresentation, _ text: String) {
        set(tag, vr, .strings(text.isEmpty ? [] : [text]))
    }

    /// Sets a multi-valued text element, written `a\b\c`.
    public mutating func set(_ tag: DICOMTag, _ vr: ValueRepresentation, strings: [String]) {
        set(tag, vr, .strings(strings))
    }

    /// Sets a sequence.
    public mutating func set(_ tag: DICOMTag, items: [WritableDataSet]) {
        set(tag, .SQ, .items(items))
    }

    /// Removes an element; nothing happens when it is absent.
    public mutating func remove(_ tag: DICOMTag) {
        storage[tag] = nil
    }

    /// Tags present, for tests and merges.
    public var tags: [DICOMTag] { storage.keys.sorted() }
}
