import Testing

@testable import LucidBatch

/// Report thumbnails: area averaging down to 192 pixels on the longest side, never enlarged.
@Suite struct ThumbnailScalerTests {
    @Test("Sizes: the longest side 192, the aspect ratio kept (rounded), small images as they are")
    func sizes() {
        #expect(ThumbnailScaler.size(width: 512, height: 512) == (192, 192))
        #expect(ThumbnailScaler.size(width: 640, height: 300) == (192, 90))
        #expect(ThumbnailScaler.size(width: 300, height: 2000) == (29, 192))
        #expect(ThumbnailScaler.size(width: 5000, height: 1) == (192, 1))
        #expect(ThumbnailScaler.size(width: 64, height: 64) == (64, 64))
    }

    @Test("Each thumbnail pixel is the rounded mean of the source pixels it covers, per channel")
    func averages() {
        // 384 x 2 grey: columns 2k and 2k+1 of both rows average into pixel k of one 192 x 1 row.
        let gray = (0..<768).map { index -> UInt8 in
            let column = index % 384
            return UInt8(column % 2 == 0 ? 10 : 13) &+ UInt8(index / 384)
        }
        let reduced = ThumbnailScaler.reduce(gray, width: 384, height: 2, channels: 1)
        #expect(reduced.width == 192 && reduced.height == 1)
        #expect(reduced.samples == [UInt8](repeating: 12, count: 192))  // (10 + 13 + 11 + 14) / 4 = 12
        // 576 x 3 RGB: 3 x 3 blocks of (red 0/255 alternating rows, green column, blue 7).
        var rgb: [UInt8] = []
        for row in 0..<3 {
            for column in 0..<576 { rgb += [row == 1 ? 255 : 0, UInt8(column % 3), 7] }
        }
        let small = ThumbnailScaler.reduce(rgb, width: 576, height: 3, channels: 3)
        #expect(small.width == 192 && small.height == 1)
        #expect(Array(small.samples.prefix(6)) == [85, 1, 7, 85, 1, 7])
    }
}
