extension NonLocalMeans {
    /// Denoises `source` into `destination` (same size, not overlapping) on up to `threads` threads;
    /// the result is the same for every thread count.
    public func apply(
        _ source: ImageView<UInt16>, into destination: MutableImageView<UInt16>,
        threads: Int = StripScheduler.availableThreads
    ) {
        let image = checkedBuffers(source, destination)
        // The kernel is chosen once per image, so every strip sums the same terms.
        let narrowWeights = narrowKernelWeights(image)
        image.forEachStrip(threads: threads) { rows in
            if let weights = narrowWeights {
                denoiseStripNarrow(image, rows: rows, weights: weights)
            } else {
                denoiseStrip(image, rows: rows)
            }
        }
    }

    /// The weights of the 16-bit kernel when it applies to this image: its largest sample times
    /// `templateSize` fits `UInt16` (a template column sum), and the weight cutoff lies within the
    /// saturated 16-bit patch sums. `nil` selects the 32-bit kernel.
    func narrowKernelWeights(_ image: FilterBuffers) -> NarrowPatchWeights? {
        var largest: UInt16 = 0
        for y in 0..<image.height {
            let row = image.sourceRow(y)
            for x in 0..<image.width { largest = max(largest, row[x]) }
        }
        guard templateSize * Int(largest) <= 65535 else { return nil }
        return NarrowPatchWeights(self)
    }

    /// Denoises the output rows of `strip` tile by tile: tiles of at most `tileRows` x `tileColumns`
    /// pixels, in row-major order. For each tile, `accumulate` gets the padded copy's sample of tile
    /// pixel (0, 0), the tile's height and width, and fills the tile's sums: `weights` and `values`,
    /// rows `tileColumns` apart. Their rounded quotients, clamped to `2^bitsStored - 1`, go to
    /// `image.destination`.
    func forEachTile(
        of strip: PaddedStrip, tileRows: Int, weights: UnsafePointer<Float>, values: UnsafePointer<Float>,
        into image: FilterBuffers, _ accumulate: (_ origin: UnsafePointer<UInt16>, _ height: Int, _ width: Int) -> Void
    ) {
        let rows = strip.rows
        let tileColumns = Self.tileColumns
        // bitsStored <= 16, so the maximum sample fits UInt32.
        let maximumSample = UInt32((1 << bitsStored) - 1)
        strip.withOrigin { origin in
            var tileTop = 0
            while tileTop < rows.count {
                let tileHeight = min(tileRows, rows.count - tileTop)
                var tileLeft = 0
                while tileLeft < image.width {
                    let tileWidth = min(tileColumns, image.width - tileLeft)
                    accumulate(origin + tileTop * strip.stride + tileLeft, tileHeight, tileWidth)
                    for row in 0..<tileHeight {
                        DenoisingRows.storeMeans(
                            weights: weights + row * tileColumns, values: values + row * tileColumns,
                            count: tileWidth, maximumSample: maximumSample,
                            output: image.destinationRow(rows.lowerBound + tileTop + row) + tileLeft)
                    }
                    tileLeft += tileWidth
                }
                tileTop += tileHeight
            }
        }
    }

    /// Calls `body` for the displacements `d = (dy, dx)` of the search window with `dy > 0`, or
    /// `dy == 0` and `dx > 0`, in row-major order, so that each pair of pixels `p` and `p + d` comes
    /// once. `body` handles displacements `dx ..< dx + n` of row `dy` and returns `n`, at least 1 and
    /// at most `searchSize / 2 - dx + 1`.
    func forEachForwardDisplacement(_ body: (_ dy: Int, _ dx: Int) -> Int) {
        let searchHalf = searchSize / 2
        for dy in 0...searchHalf {
            var dx = dy == 0 ? 1 : -searchHalf
            while dx <= searchHalf {
                dx += body(dy, dx)
            }
        }
    }
}
