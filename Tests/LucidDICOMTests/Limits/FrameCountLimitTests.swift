import Foundation
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// `ReadLimits.maximumFrames`: a Number of Frames (0028,0008) above it is refused before any frame
/// is decoded, however small each frame, and a raised limit accepts the same file.
@Suite struct FrameCountLimitTests {
    static func image(_ bytes: [UInt8], limits: ReadLimits = .standard) throws(DICOMError) -> DICOMImage {
        try DICOMImage(file: DICOMFile(bytes: bytes, source: "frames.dcm", limits: limits), limits: limits)
    }

    static func isFrameLimit(_ error: any Error, frames: Int, maximum: Int) -> Bool {
        guard case DICOMError.tooLarge("frames.dcm", .numberOfFrames?, _?, .frames, frames, maximum) = error else {
            return false
        }
        return "\(error)".contains("--max-frames")
    }

    @Test("a 100 KB native file of 100,000 1x1 frames is refused at once; with the limit raised it decodes")
    func nativeTinyFrames() throws {
        let bytes = DataSetBytes.nativeImage(rows: 1, columns: 1, frames: 100_000, value: 7)
        #expect(bytes.count < 101_000)
        let start = Date()
        #expect {
            try Self.image(bytes).checkPixelData()
        } throws: { error in
            Self.isFrameLimit(error, frames: 100_000, maximum: 20_000)
        }
        #expect {
            _ = try Self.image(bytes).frame(0)
        } throws: { error in
            Self.isFrameLimit(error, frames: 100_000, maximum: 20_000)
        }
        #expect(Date().timeIntervalSince(start) < 5)
        let raised = try Self.image(bytes, limits: ReadLimits(maximumFrames: 100_000))
        try raised.checkPixelData()
        #expect(try raised.frame(99_999).pixels == [7])
        #expect {
            try Self.image(bytes, limits: ReadLimits(maximumFrames: 99_999)).checkPixelData()
        } throws: { error in
            Self.isFrameLimit(error, frames: 100_000, maximum: 99_999)
        }
    }

    @Test("a deflated file of 100 million 1x1 frames (about 100 KB) is refused before any frame is decoded")
    func deflatedHundredMillionFrames() throws {
        let bytes = DataSetBytes.deflatedTinyFrames(100_000_000)
        #expect(bytes.count < 120_000, "the file is \(bytes.count) bytes")
        let start = Date()
        let image = try Self.image(bytes)
        #expect(image.pixel.numberOfFrames == 100_000_000)
        #expect {
            try image.checkPixelData()
        } throws: { error in
            Self.isFrameLimit(error, frames: 100_000_000, maximum: 20_000)
        }
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test("the frame limit is checked before the image size, so the error names the frames")
    func framesBeforeSize() throws {
        let bytes = DataSetBytes.nativeImage(rows: 2, columns: 2, frames: 21, bitsAllocated: 16)
        #expect {
            try Self.image(bytes, limits: ReadLimits(maximumImageBytes: 8, maximumFrames: 20)).checkPixelData()
        } throws: { error in
            Self.isFrameLimit(error, frames: 21, maximum: 20)
        }
        try Self.image(bytes, limits: ReadLimits(maximumFrames: 21)).checkPixelData()
    }
}
