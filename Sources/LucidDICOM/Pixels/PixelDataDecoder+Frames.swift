/// Finding the bytes of one frame in encapsulated Pixel Data (PS3.5 A.4): the Basic Offset Table
/// when it is filled, else one fragment per frame, else (JPEG) fragments that start a new SOI marker.
extension PixelDataDecoder {
    func frameBytes(_ element: DataElement, index: Int) throws(DICOMError) -> [UInt8] {
        guard let fragments = element.fragments else {
            throw .malformed(
                file: source, tag: .pixelData, offset: element.offset,
                reason:
                    "\(file.transferSyntax.name) needs encapsulated Pixel Data (undefined length), found a plain value")
        }
        let data = Array(fragments.dropFirst())
        guard !data.isEmpty else {
            if element.isTruncated {
                throw .truncatedPixelData(
                    file: source, offset: element.offset, expectedBytes: 0, availableBytes: element.length)
            }
            throw .emptyPixelData(file: source, offset: element.offset)
        }
        let frames = description.numberOfFrames
        let groups = try fragmentGroups(data, basicOffsetTable: fragments[0], frames: frames, element: element)
        guard index < groups.count else {
            if element.isTruncated {
                throw .truncatedPixelData(
                    file: source, offset: element.offset, expectedBytes: frames, availableBytes: groups.count)
            }
            throw .frameOutOfRange(file: source, frame: index + 1, frameCount: groups.count)
        }
        var bytes: [UInt8] = []
        for fragment in groups[index] { bytes.append(contentsOf: file.dataSet.bytes(of: fragment)) }
        return bytes
    }

    private func fragmentGroups(_ data: [Fragment], basicOffsetTable: Fragment, frames: Int, element: DataElement)
        throws(DICOMError) -> [[Fragment]]
    {
        if frames == 1 { return [data] }
        if basicOffsetTable.length >= 4 * frames, let groups = groupsFromOffsetTable(data, basicOffsetTable, frames) {
            return groups
        }
        if data.count == frames { return data.map { [$0] } }
        if file.transferSyntax.pixelEncoding == .jpegProcess1or2 || file.transferSyntax.pixelEncoding == .jpegLossless {
            var groups: [[Fragment]] = []
            for fragment in data {
                let bytes = file.dataSet.bytes(of: fragment)
                let startsImage =
                    bytes.count >= 2 && bytes[bytes.startIndex] == 0xFF && bytes[bytes.startIndex + 1] == 0xD8
                if startsImage || groups.isEmpty {
                    groups.append([fragment])
                } else {
                    groups[groups.count - 1].append(fragment)
                }
            }
            if groups.count == frames || element.isTruncated { return groups }
        }
        throw .malformed(
            file: source, tag: .pixelData, offset: element.offset,
            reason: "cannot tell which of \(data.count) fragments belong to which of \(frames) frames")
    }

    /// Groups fragments by the Basic Offset Table's byte offsets, counted from the first fragment's
    /// item tag; nil when the offsets do not fall on fragment boundaries in increasing order.
    private func groupsFromOffsetTable(_ data: [Fragment], _ table: Fragment, _ frames: Int) -> [[Fragment]]? {
        let bytes = file.dataSet.bytes(of: table)
        var offsets: [Int] = []
        var position = bytes.startIndex
        for _ in 0..<frames {
            let value =
                UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2]) << 16
                | UInt32(bytes[position + 3]) << 24
            offsets.append(Int(value))
            position += 4
        }
        let base = data[0].offset
        var startIndexByOffset: [Int: Int] = [:]
        for (index, fragment) in data.enumerated() { startIndexByOffset[fragment.offset - base] = index }
        var starts: [Int] = []
        for offset in offsets {
            guard let index = startIndexByOffset[offset], starts.last.map({ index > $0 }) ?? (index == 0) else {
                return nil
            }
            starts.append(index)
        }
        return starts.enumerated().map { number, start in
            let end = number + 1 < starts.count ? starts[number + 1] : data.count
            return Array(data[start..<end])
        }
    }
}
