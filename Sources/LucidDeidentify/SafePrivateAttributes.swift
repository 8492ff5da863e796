import LucidDICOM

/// The private attributes the Retain Safe Private Option keeps (PS3.15 E.3.10, Table E.3.10-1):
/// each is named by its group, its Private Creator and its element's offset within the creator's
/// block (PS3.5 §7.8.1), since the block a creator gets differs from file to file.
public enum SafePrivateAttributes {
    struct Row: Sendable, Hashable {
        let group: UInt16
        let creator: String
        let offset: UInt8
        let vr: String

        init(_ group: UInt16, _ creator: String, _ offset: UInt8, _ vr: String) {
            self.group = group
            self.creator = creator
            self.offset = offset
            self.vr = vr
        }
    }

    struct Key: Hashable {
        let group: UInt16
        let creator: String
        let offset: UInt8
    }

    static let keys: Set<Key> = Set(tableRows.map { Key(group: $0.group, creator: $0.creator, offset: $0.offset) })

    /// The number of rows in the table.
    public static var rowCount: Int { tableRows.count }

    /// Whether the private data element `tag` of `dataSet` is safe: its block's Private Creator
    /// (gggg,00bb) in the same data set names it in the table.
    public static func isSafe(_ tag: DICOMTag, in dataSet: DataSet) -> Bool {
        guard let creator = creator(of: tag, in: dataSet) else { return false }
        return keys.contains(Key(group: tag.group, creator: creator, offset: UInt8(tag.element & 0xFF)))
    }

    /// The Private Creator of the block holding `tag`, or nil for a creator element itself, a
    /// private group length or a block without creator.
    static func creator(of tag: DICOMTag, in dataSet: DataSet) -> String? {
        let block = tag.element >> 8
        guard tag.isPrivate, block >= 0x10 else { return nil }
        return dataSet.string(DICOMTag(tag.group, block))
    }

    /// The Private Creator elements (gggg,0010-00FF) of `dataSet` whose block holds a safe
    /// attribute that is present: these are kept with it.
    static func creatorsToKeep(in dataSet: DataSet) -> Set<DICOMTag> {
        var kept: Set<DICOMTag> = []
        for element in dataSet.elements where element.tag.isPrivate && element.tag.element >= 0x1000 {
            if isSafe(element.tag, in: dataSet) { kept.insert(DICOMTag(element.tag.group, element.tag.element >> 8)) }
        }
        return kept
    }
}
