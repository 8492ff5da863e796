extension DICOMFile {
    /// A sequence item holding an image of its own (an Icon Image Sequence item, PS3.3 C.7.6.1.1.6)
    /// read like a file: the item's elements, in the parent's transfer syntax, named after the parent.
    init(item: DataSet, of parent: DICOMFile) {
        source = parent.source
        hasPreamble = false
        fileMeta = nil
        transferSyntax = parent.transferSyntax
        isTransferSyntaxInferred = parent.isTransferSyntaxInferred
        dataSet = item
        byteCount = parent.byteCount
    }
}
