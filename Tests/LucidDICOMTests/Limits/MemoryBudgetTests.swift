import Foundation
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// `ReadLimits.memoryBudget`: what one file may make Lucid hold, checked before the file is read,
/// before it is inflated and before any frame is decoded, and named in the refusal.
@Suite struct MemoryBudgetTests {
    static func isBudget(_ error: any Error, value: Int? = nil, budget: Int) -> Bool {
        guard case DICOMError.tooLarge(_, _, _, .memoryBudget, let reported, budget) = error else { return false }
        return (value == nil || reported == value) && "\(error)".contains("--max-memory")
    }

    @Test("the budget: the file and 5 working copies of a frame, one more a frame when all are held")
    func pixelBudget() throws {
        let bytes = DataSetBytes.nativeImage(rows: 16, columns: 16, frames: 4, bitsAllocated: 8, value: 5)
        #expect(ReadLimits.workingCopies == 5)
        for (retention, held) in [(ReadLimits.FrameRetention.oneAtATime, 0), (.everyFrame, 4)] {
            let needed = bytes.count + 2 * 16 * 16 * (5 + held)
            #expect(
                ReadLimits.memoryNeeded(fileBytes: bytes.count, inflatedBytes: 0, frameSamples: 256, heldFrames: held)
                    == needed)
            let within = ReadLimits(memoryBudget: needed, frameRetention: retention)
            let image = try DICOMImage(file: DICOMFile(bytes: bytes, source: "b.dcm", limits: within), limits: within)
            #expect(try image.frame(3).pixels.count == 256)
            let under = ReadLimits(memoryBudget: needed - 1, frameRetention: retention)
            let refused = try DICOMImage(file: DICOMFile(bytes: bytes, source: "b.dcm", limits: under), limits: under)
            #expect {
                try refused.checkPixelData()
            } throws: { error in
                guard case DICOMError.tooLarge("b.dcm", .pixelData?, _?, _, _, _) = error else { return false }
                return Self.isBudget(error, value: needed, budget: needed - 1)
            }
            #expect(throws: DICOMError.self) { _ = try refused.frame(0) }
        }
    }

    @Test("memoryNeeded saturates instead of overflowing")
    func saturates() {
        #expect(ReadLimits.memoryNeeded(fileBytes: 10, inflatedBytes: 0, frameSamples: Int.max / 4) == Int.max)
        #expect(ReadLimits.memoryNeeded(fileBytes: Int.max, inflatedBytes: 1, frameSamples: 0) == Int.max)
        #expect(
            ReadLimits.memoryNeeded(fileBytes: 0, inflatedBytes: 0, frameSamples: 1, heldFrames: Int.max) == Int.max)
    }

    @Test("a file above the budget is refused after its first bytes, naming the budget, not the file-size limit")
    func fileAboveBudget() throws {
        let folder = try LucidBinary.temporaryFolder()
        let path = folder + "/big.dcm"
        // A preamble and DICM, so that the file passes the first-bytes check, then zeros.
        var bytes = [UInt8](repeating: 0, count: 3 << 20)
        bytes.replaceSubrange(128..<132, with: Array("DICM".utf8))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try DICOMFile.read(path: path, limits: ReadLimits(memoryBudget: 2 << 20))
        } throws: { error in
            guard case DICOMError.tooLarge(path, nil, nil, .memoryBudget, 3 << 20, 2 << 20) = error else {
                return false
            }
            return Self.isBudget(error, budget: 2 << 20)
        }
        // When the file-size limit is the smaller, it is the one named.
        #expect {
            _ = try DICOMFile.read(path: path, limits: ReadLimits(maximumFileBytes: 1 << 20, memoryBudget: 2 << 20))
        } throws: { error in
            guard case DICOMError.tooLarge(path, nil, nil, .fileBytes, _, 1 << 20) = error else { return false }
            return true
        }
    }

    @Test("a deflate bomb stops where the budget ends, the file's own bytes counted, as a budget refusal")
    func inflateWithinBudget() throws {
        let bomb = RawDeflate.part10(elements: [], group: 0x0009, element: 0x1010, vr: "OB", zeros: 64 << 20)
        #expect(bomb.count < 80 << 10, "the bomb is \(bomb.count) bytes")
        let budget = 4 << 20
        #expect {
            _ = try DICOMFile(bytes: bomb, source: "bomb.dcm", limits: ReadLimits(memoryBudget: budget))
        } throws: { error in
            guard case DICOMError.tooLarge("bomb.dcm", .transferSyntaxUID?, _, .memoryBudget, _, budget) = error
            else { return false }
            return Self.isBudget(error, value: budget + 1, budget: budget)
        }
        // The inflated-size limit, when smaller than what the budget leaves, is the one named.
        #expect {
            _ = try DICOMFile(
                bytes: bomb, source: "bomb.dcm", limits: ReadLimits(maximumInflatedBytes: 1 << 20, memoryBudget: budget)
            )
        } throws: { error in
            guard case DICOMError.tooLarge(_, _, _, .inflatedBytes, let value, 1 << 20) = error else { return false }
            return value == 1 << 20 + 1
        }
        let inflated = 64 << 20 + 12
        let file = try DICOMFile(
            bytes: bomb, source: "bomb.dcm", limits: ReadLimits(memoryBudget: bomb.count + inflated))
        #expect(file.dataSet[DICOMTag(0x0009, 0x1010)]?.length == 64 << 20)
        #expect(file.byteCount == bomb.count && file.inflatedByteCount == inflated)
    }

    @Test("the stream of repeated blocks inflates to exactly its zeros, in all its sizes")
    func bombSizes() throws {
        for zeros in [0, 1, 1 << 20, 3 << 20 + 5] {
            let file = try DICOMFile(
                bytes: RawDeflate.part10(elements: [], group: 0x0009, element: 0x1010, vr: "OB", zeros: zeros),
                source: "z.dcm")
            let element = try #require(file.dataSet[DICOMTag(0x0009, 0x1010)])
            #expect(element.length == zeros)
            #expect((file.dataSet.rawValue(element.tag) ?? []).allSatisfy { $0 == 0 })
        }
    }
}
