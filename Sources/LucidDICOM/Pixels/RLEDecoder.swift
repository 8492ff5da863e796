/// RLE Lossless decoding, PS3.5 Annex G: a 64-byte header of segment offsets, then one PackBits
/// segment per byte plane (most significant byte first).
enum RLEDecoder {
    enum Failure: Error, Equatable {
        case invalid(String)
    }

    /// Decodes one frame into `segmentCount` byte planes of `pixelCount` bytes each.
    static func decodePlanes(_ frame: [UInt8], pixelCount: Int, expectedSegments: Int) throws(Failure) -> [[UInt8]] {
        guard frame.count >= 64 else { throw .invalid("the RLE header needs 64 bytes, the frame has \(frame.count)") }
        let segmentCount = Int(readUInt32(frame, 0))
        guard segmentCount == expectedSegments else {
            throw .invalid("the RLE header lists \(segmentCount) segments, \(expectedSegments) expected")
        }
        var offsets: [Int] = []
        for index in 0..<segmentCount { offsets.append(Int(readUInt32(frame, 4 + 4 * index))) }
        var planes: [[UInt8]] = []
        for index in 0..<segmentCount {
            let start = offsets[index]
            let end = index + 1 < segmentCount ? offsets[index + 1] : frame.count
            guard start >= 64, start <= end, end <= frame.count else {
                throw .invalid("segment \(index + 1) offset \(start) is outside the frame")
            }
            planes.append(try unpack(frame[start..<end], count: pixelCount, segment: index + 1))
        }
        return planes
    }

    /// PackBits: a header byte n; 0...127 copies the next n+1 bytes, -1...-127 repeats the next byte
    /// 1-n times, -128 does nothing.
    /// A segment of L bytes decodes to at most 64 x L bytes (two bytes repeat one 128 times), so a
    /// shorter segment is refused before the output is allocated.
    static func unpack(_ segment: ArraySlice<UInt8>, count: Int, segment number: Int) throws(Failure) -> [UInt8] {
        guard count <= 64 * segment.count else {
            throw .invalid("segment \(number) has \(segment.count) bytes, too few to decode to \(count)")
        }
        var output = [UInt8]()
        output.reserveCapacity(count)
        var position = segment.startIndex
        while output.count < count && position < segment.endIndex {
            let header = Int(Int8(bitPattern: segment[position]))
            position += 1
            if header >= 0 {
                let run = min(header + 1, count - output.count)
                guard segment.endIndex - position >= run else {
                    throw .invalid("segment \(number) ends inside a literal run")
                }
                output.append(contentsOf: segment[position..<(position + run)])
                position += header + 1
            } else if header != -128 {
                guard position < segment.endIndex else {
                    throw .invalid("segment \(number) ends inside a replicate run")
                }
                let run = min(1 - header, count - output.count)
                output.append(contentsOf: repeatElement(segment[position], count: run))
                position += 1
            }
        }
        guard output.count == count else {
            throw .invalid("segment \(number) decodes to \(output.count) bytes, \(count) expected")
        }
        return output
    }

    private static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
