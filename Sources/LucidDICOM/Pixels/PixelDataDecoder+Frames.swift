/// Finding the bytes of one frame in encapsulated Pixel Data (PS3.5 A.4): the Extended Offset Table
/// (7FE0,0001) when present, else the Basic Offset Table when it is filled, else one fragment per
/// frame, else (JPEG) fragments that start a new SOI marker.
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
                throw .truncatedFrames(
                    file: source, offset: element.offset, expectedFrames: frames, availableFrames: groups.count)
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
        if let offsets = extendedOffsets(frames: frames), let groups = groups(data, startingAt: offsets) {
            return groups
        }
        if basicOffsetTable.length >= 4 * frames,
            let groups = groups(data, startingAt: basicOffsets(basicOffsetTable, frames))
        {
            return groups
        }
        if data.count == frames { return data.map { [$0] } }
        // A frame's codestream starts with SOI (JPEG, JPEG-LS: FFD8) or SOC (JPEG 2000, HTJ2K: FF4F).
        let encoding = file.transferSyntax.pixelEncoding
        let startMarker: UInt8? =
            [.jpegProcess1or2, .jpegLossless, .jpegLS].contains(encoding)
            ? 0xD8 : [.jpeg2000, .htj2k].contains(encoding) ? 0x4F : nil
        if let startMarker {
            var groups: [[Fragment]] = []
            for fragment in data {
                let bytes = file.dataSet.bytes(of: fragment)
                let startsImage =
                    bytes.count >= 2 && bytes[bytes.startIndex] == 0xFF && bytes[bytes.startIndex + 1] == startMarker
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

    /// The Basic Offset Table's first `frames` 32-bit offsets.
    private func basicOffsets(_ table: Fragment, _ frames: Int) -> [Int] {
        let bytes = file.dataSet.bytes(of: table)
        return (0..<frames).map { frame in
            let position = bytes.startIndex + 4 * frame
            return Int(
                UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2]) << 16
                    | UInt32(bytes[position + 3]) << 24)
        }
    }

    /// The Extended Offset Table's 64-bit offsets (PS3.5 A.4, PS3.3 C.7.6.3.1.8), when it holds one
    /// per frame.
    private func extendedOffsets(frames: Int) -> [Int]? {
        guard let raw = file.dataSet.rawValue(.extendedOffsetTable), raw.count >= 8 * frames else { return nil }
        let values = file.dataSet.quads(raw).prefix(frames)
        guard values.allSatisfy({ $0 <= UInt64(Int.max) }) else { return nil }
        return values.map { Int($0) }
    }

    /// Groups fragments by byte offsets counted from the first fragment's item tag; nil when the
    /// offsets do not fall on fragment boundaries in increasing order.
    private func groups(_ data: [Fragment], startingAt offsets: [Int]) -> [[Fragment]]? {
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
