import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// The structural limits of `ReadLimits`: inflated size (a real deflate bomb), sequence depth at
/// the limit and one past it in both length kinds, the element count, and bounded reads of pipes.
@Suite struct ReadLimitsTests {
    static let explicitLE = "1.2.840.10008.1.2.1"
    static let implicitLE = "1.2.840.10008.1.2"
    static let deflated = "1.2.840.10008.1.2.1.99"
    static let referencedImageSequence = DICOMTag(0x0008, 0x1140)

    /// A Part 10 file whose deflated data set is one private OB element of `size` zero bytes.
    static func deflateBomb(inflatedSize size: Int) -> [UInt8] {
        var body = DataSetBytes()
        body.element(0x0009, 0x1010, "OB", [], length: UInt32(size))
        let inflated = body.bytes + [UInt8](repeating: 0, count: size)
        return DataSetBytes.part10(transferSyntax: deflated, body: RawDeflate.compress(inflated))
    }

    @Test("a deflate bomb of a few KB stops exactly at the cap with a typed error")
    func deflateBomb() throws {
        let bomb = Self.deflateBomb(inflatedSize: 8 << 20)
        #expect(bomb.count < 16 << 10, "the bomb is \(bomb.count) bytes")
        let limits = ReadLimits(maximumInflatedBytes: 64 << 10)
        #expect {
            _ = try DICOMFile(bytes: bomb, source: "bomb.dcm", limits: limits)
        } throws: { error in
            guard case DICOMError.tooLarge(let file, let tag, _, let limit, let value, let maximum) = error else {
                return false
            }
            // One byte past the cap is all that is ever produced.
            return file == "bomb.dcm" && tag == .transferSyntaxUID && limit == .inflatedBytes
                && value == 64 << 10 + 1 && maximum == 64 << 10
                && "\(error)".contains("ReadLimits.maximumInflatedBytes")
        }
        let inflatedSize = 8 << 20 + 12
        let exact = try DICOMFile(
            bytes: bomb, source: "bomb.dcm", limits: ReadLimits(maximumInflatedBytes: inflatedSize))
        #expect(exact.dataSet[DICOMTag(0x0009, 0x1010)]?.length == 8 << 20)
        #expect(throws: DICOMError.self) {
            try DICOMFile(bytes: bomb, source: "bomb.dcm", limits: ReadLimits(maximumInflatedBytes: inflatedSize - 1))
        }
    }

    /// `levels` sequences nested inside each other's items, innermost holding Modality.
    static func nestedSequences(_ levels: Int, definedLength: Bool, explicitVR: Bool) -> [UInt8] {
        var innermost = DataSetBytes(explicitVR: explicitVR)
        innermost.text(0x0008, 0x0060, "CS", "CT")
        var content = innermost.bytes
        for _ in 0..<levels {
            var sequence = DataSetBytes(explicitVR: explicitVR)
            if definedLength {
                var item = DataSetBytes(explicitVR: explicitVR)
                item.itemStart(length: UInt32(content.count))
                item.bytes += content
                sequence.element(0x0008, 0x1140, "SQ", item.bytes)
            } else {
                sequence.element(0x0008, 0x1140, "SQ", [], length: DataSetBytes.undefined)
                sequence.itemStart()
                sequence.bytes += content
                sequence.itemEnd()
                sequence.sequenceEnd()
            }
            content = sequence.bytes
        }
        return content
    }

    @Test(
        "sequence depth: the limit reads, one more level is refused naming the tag and offset",
        arguments: [(true, true), (true, false), (false, true), (false, false)])
    func sequenceDepth(definedLength: Bool, explicitVR: Bool) throws {
        let syntax = explicitVR ? Self.explicitLE : Self.implicitLE
        for limit in [4, ReadLimits.standard.maximumSequenceDepth] {
            let limits = ReadLimits(maximumSequenceDepth: limit)
            let atLimit = DataSetBytes.part10(
                transferSyntax: syntax,
                body: Self.nestedSequences(limit, definedLength: definedLength, explicitVR: explicitVR))
            var dataSet = try DICOMFile(bytes: atLimit, source: "deep.dcm", limits: limits).dataSet
            for _ in 0..<limit { dataSet = try #require(dataSet.sequence(Self.referencedImageSequence)?.first) }
            #expect(dataSet.string(.modality) == "CT")

            let body = Self.nestedSequences(limit + 1, definedLength: definedLength, explicitVR: explicitVR)
            let beyond = DataSetBytes.part10(transferSyntax: syntax, body: body)
            // The deepest sequence header: the one after `limit` sequence-and-item headers.
            let headerBytes = (explicitVR ? 12 : 8) + 8
            let offset = beyond.count - body.count + limit * headerBytes
            #expect {
                _ = try DICOMFile(bytes: beyond, source: "deep.dcm", limits: limits)
            } throws: { error in
                guard case DICOMError.nestingTooDeep(let file, let tag, let at, let reported) = error else {
                    return false
                }
                return file == "deep.dcm" && tag == Self.referencedImageSequence && at == offset && reported == limit
            }
        }
    }

    @Test("element count: nested elements, items and fragments count; one past the limit is refused")
    func elementCount() throws {
        var body = DataSetBytes()
        body.text(0x0008, 0x0060, "CS", "CT")
        body.element(0x0008, 0x1140, "SQ", [], length: DataSetBytes.undefined)
        for _ in 0..<3 {
            body.itemStart()
            body.text(0x0008, 0x1150, "UI", "1.2.3")
            body.text(0x0008, 0x1155, "UI", "1.2.3.4")
            body.itemEnd()
        }
        body.sequenceEnd()
        let lastOffset = body.bytes.count
        body.us(0x0028, 0x0010, 4)
        let bytes = DataSetBytes.part10(transferSyntax: Self.explicitLE, body: body.bytes)
        // File Meta: 2; Modality, the sequence, 3 items of 2 elements each, Rows: 1 + 1 + 3 x 3 + 1.
        let total = 2 + 12
        let parsed = try DICOMFile(bytes: bytes, source: "many.dcm", limits: ReadLimits(maximumElementCount: total))
        #expect(parsed.dataSet.integer(.rows) == 4)
        #expect {
            _ = try DICOMFile(bytes: bytes, source: "many.dcm", limits: ReadLimits(maximumElementCount: total - 1))
        } throws: { error in
            guard case DICOMError.tooLarge(let file, let tag, let offset, let limit, let value, let maximum) = error
            else { return false }
            return file == "many.dcm" && tag == .rows && offset == bytes.count - body.bytes.count + lastOffset
                && limit == .elementCount && value == total && maximum == total - 1
        }
    }

    @Test("a million empty elements stop at the default limit, not at the end of memory")
    func defaultElementLimit() throws {
        let limit = ReadLimits.standard.maximumElementCount
        var element = DataSetBytes()
        element.element(0x0009, 0x1010, "OB", [])
        var body: [UInt8] = []
        body.reserveCapacity(element.bytes.count * (limit + 10))
        for _ in 0..<(limit + 10) { body += element.bytes }
        #expect {
            _ = try DICOMFile(
                bytes: DataSetBytes.part10(transferSyntax: Self.explicitLE, body: body), source: "flood.dcm")
        } throws: { error in
            guard case DICOMError.tooLarge(_, _, _, .elementCount, let value, let maximum) = error else { return false }
            return value == limit + 1 && maximum == limit
        }
    }

    @Test("a pipe is read up to the limit and refused at limit + 1 bytes")
    func boundedPipe() throws {
        for (size, refused) in [(1000, false), (5000, true)] {
            let pipe = Pipe()
            let writer = Thread {
                pipe.fileHandleForWriting.write(Data(repeating: 0x41, count: size))
                try? pipe.fileHandleForWriting.close()
            }
            writer.start()
            do {
                let bytes = try DICOMFile.readBytes(from: pipe.fileHandleForReading, source: "<pipe>", limit: 1000)
                #expect(!refused && bytes.count == size)
            } catch {
                guard case .tooLarge(let file, nil, nil, .fileBytes, let value, let maximum) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(refused && file == "<pipe>" && value == 1001 && maximum == 1000)
                _ = pipe.fileHandleForReading.readDataToEndOfFile()
            }
        }
    }
}
