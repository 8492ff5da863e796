import Testing

@testable import LucidImaging

/// Properties of CLAHE that hold whatever the data: constant images stay constant, tile tables are
/// monotone and their steps respect the clip limit, parameters are validated.
@Suite struct CLAHEPropertyTests {
    /// The tables of `image`, tile by tile (whole numbers, stored as `Float` for the interpolation).
    static func tables(_ image: GrayImage<UInt16>, clahe: CLAHE) throws -> (CLAHETileTables, [[Int]]) {
        let grid = CLAHETileGrid(width: image.width, height: image.height, tilesX: clahe.tilesX, tilesY: clahe.tilesY)
        let built = image.pixels.withUnsafeBufferPointer { pixels -> CLAHETileTables? in
            guard let base = pixels.baseAddress else { return nil }
            return CLAHETileTables(
                source: base, sourceStride: image.width, grid: grid, bitsStored: clahe.bitsStored,
                clipLimit: clahe.clipLimit, threads: 2)
        }
        let tables = try #require(built)
        let size = tables.histogramSize
        let perTile = (0..<(clahe.tilesX * clahe.tilesY)).map { tile in
            tables.tables[(tile * size)..<((tile + 1) * size)].map { Int($0) }
        }
        return (tables, perTile)
    }

    @Test(arguments: [(1, 1), (5, 3), (64, 48), (257, 33)])
    func constantImageMapsToAConstant(width: Int, height: Int) throws {
        let clahe = try CLAHE(clipLimit: 2.0, tilesX: 8, tilesY: 8, bitsStored: 12)
        for value: UInt16 in [0, 1, 1000, 4095] {
            let output = clahe.apply(GrayImage(width: width, height: height, repeating: value))
            let first = output.pixels[0]
            #expect(output.pixels.allSatisfy { $0 == first }, "value \(value)")
            #expect(output.width == width && output.height == height)
        }
    }

    @Test func constantImageLevelFollowsTheClippedTable() throws {
        // 64x64, 8x8 tiles of 64 pixels, 12 bits: clip count max(1, Int(2 * 64 / 4096)) = 1, so one pixel
        // stays in the constant's bin and 63 are spread: 0 to each bin, one to bins 0, 65, 130, ... (step
        // 4096 / 63 = 65). Sample 1000 sees cdf = 1 + ceil(1001 / 65) = 1 + 16 = 17 -> 17 * 4095 / 64.
        let clahe = try CLAHE(clipLimit: 2.0, tilesX: 8, tilesY: 8, bitsStored: 12)
        let output = clahe.apply(GrayImage(width: 64, height: 64, repeating: 1000))
        let expected = UInt16((Float(17) * (Float(4095) / Float(64))).rounded(.toNearestOrEven))
        #expect(output.pixels.allSatisfy { $0 == expected })
        // Without clipping every tile is all one bin: the constant maps to the top.
        let unclipped = try CLAHE(clipLimit: 0, tilesX: 8, tilesY: 8, bitsStored: 12)
        #expect(unclipped.apply(GrayImage(width: 64, height: 64, repeating: 1000)).pixels.allSatisfy { $0 == 4095 })
    }

    @Test(arguments: [0.0, 1.0, 2.0, 8.0])
    func tileTablesAreMonotoneAndEndAtTheMaximum(clipLimit: Double) throws {
        let clahe = try CLAHE(clipLimit: clipLimit, tilesX: 4, tilesY: 3, bitsStored: 12)
        let image = GrayImage.structured(width: 203, height: 151, maximumSample: 4095, seed: 4)
        let (tables, perTile) = try Self.tables(image, clahe: clahe)
        #expect(tables.tables.allSatisfy { $0 == $0.rounded() && $0 >= 0 })
        for table in perTile {
            #expect(zip(table, table.dropFirst()).allSatisfy { $0 <= $1 })
            #expect(table.last == 4095)
        }
    }

    @Test(arguments: [1.0, 2.0, 4.0, 16.0])
    func tableStepsRespectTheClipLimit(clipLimit: Double) throws {
        // After clipping and redistribution a bin holds at most clipCount + clipped / bins + 1 pixels
        // (the residual adds at most one per bin), so a table step is at most that many pixels times
        // lutScale, plus one for rounding.
        let clahe = try CLAHE(clipLimit: clipLimit, tilesX: 4, tilesY: 4, bitsStored: 12)
        let image = GrayImage.structured(width: 256, height: 256, maximumSample: 4095, seed: 8)
        let (tables, perTile) = try Self.tables(image, clahe: clahe)
        let area = tables.grid.tileArea
        let scale = Double(4095) / Double(area)
        let maximumBin = tables.clipCount + area / 4096 + 1
        let allowedStep = Int((Double(maximumBin) * scale).rounded(.up)) + 1
        #expect(tables.clipCount == max(1, Int(clipLimit * Double(area) / 4096)))
        for table in perTile {
            let steps = zip(table, table.dropFirst()).map { Int($1) - Int($0) }
            #expect(steps.max() ?? 0 <= allowedStep, "clip \(clipLimit): step \(steps.max() ?? 0) > \(allowedStep)")
        }
        // The bound has teeth: without clipping the flat block's bin makes a far larger step.
        let unclipped = try Self.tables(image, clahe: try CLAHE(clipLimit: 0, tilesX: 4, tilesY: 4, bitsStored: 12)).1
        let unclippedMaximum =
            unclipped.map { table in
                zip(table, table.dropFirst()).map { Int($1) - Int($0) }.max() ?? 0
            }.max() ?? 0
        #expect(unclippedMaximum > 4 * allowedStep)
    }

    @Test func outputStaysInRangeAndKeepsTheSize() throws {
        let clahe = try CLAHE(clipLimit: 3.0, tilesX: 6, tilesY: 5, bitsStored: 12)
        let image = GrayImage.random(width: 97, height: 41, maximumSample: 4095, seed: 12)
        let output = clahe.apply(image)
        #expect(output.width == 97 && output.height == 41)
        #expect(output.pixels.allSatisfy { $0 <= 4095 })
    }

    @Test func invalidParametersThrow() {
        #expect(throws: ImageOperationError.self) { try CLAHE(clipLimit: -1, bitsStored: 12) }
        #expect(throws: ImageOperationError.self) { try CLAHE(clipLimit: .nan, bitsStored: 12) }
        #expect(throws: ImageOperationError.self) { try CLAHE(clipLimit: .infinity, bitsStored: 12) }
        #expect(throws: ImageOperationError.self) { try CLAHE(tilesX: 0, bitsStored: 12) }
        #expect(throws: ImageOperationError.self) { try CLAHE(tilesY: 65, bitsStored: 12) }
        #expect(throws: ImageOperationError.self) { try CLAHE(bitsStored: 0) }
        #expect(throws: ImageOperationError.self) { try CLAHE(bitsStored: 17) }
        #expect((try? CLAHE(clipLimit: 0, tilesX: 1, tilesY: 64, bitsStored: 16)) != nil)
    }

    @Test func openCVClipConversion() throws {
        #expect(try CLAHE(clipLimit: 2.0, bitsStored: 12).openCVSixteenBitClipLimit == 32.0)
        #expect(try CLAHE(clipLimit: 2.0, bitsStored: 16).openCVSixteenBitClipLimit == 2.0)
        #expect(try CLAHE(clipLimit: 1.5, bitsStored: 8).openCVSixteenBitClipLimit == 384.0)
    }

    @Test func reflect101MatchesOpenCVBorderInterpolate() {
        // count 3: positions 3, 4, 5, 6, 7 -> 1, 0, 1, 2, 1 (bounced as often as needed).
        #expect((3...7).map { CLAHETileGrid.reflect101($0, count: 3) } == [1, 0, 1, 2, 1])
        #expect((0...4).map { CLAHETileGrid.reflect101($0, count: 1) } == [0, 0, 0, 0, 0])
        #expect(CLAHETileGrid.reflect101(-2, count: 5) == 2)
        #expect(
            (0...12).map { CLAHETileGrid.reflect101($0, count: 5) }
                == (0...12).map { CLAHEReference.reflect101($0, count: 5) })
    }
}
