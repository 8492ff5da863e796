extension Windowing {
    /// Tables of at least this many entries are evaluated on several threads.
    static let entriesPerTableThread = 8192

    /// ``DisplayPipeline/displayLookupTable8()`` / ``DisplayPipeline/displayLookupTable16()``
    /// evaluated on up to `threads` threads: every entry is
    /// ``DisplayPipeline/outputLevel(ofSample:maximumLevel:)`` of its sample, whichever thread
    /// computes it, so the table is the same.
    /// - Throws: ``DisplayPipelineError`` when ``DisplayPipeline/validate()`` fails.
    static func table<Level: FixedWidthInteger & UnsignedInteger & Sendable>(
        _ pipeline: DisplayPipeline, threads: Int, as level: Level.Type
    ) throws(DisplayPipelineError) -> DisplayLookupTable<Level> {
        try pipeline.validate()
        return validatedTable(pipeline, threads: threads, as: level)
    }

    /// ``table(_:threads:as:)`` for a pipeline that ``DisplayPipeline/validate()`` accepted.
    static func validatedTable<Level: FixedWidthInteger & UnsignedInteger & Sendable>(
        _ pipeline: DisplayPipeline, threads: Int, as level: Level.Type
    ) -> DisplayLookupTable<Level> {
        let count = pipeline.encoding.maximumSample + 1
        let maximumLevel = DisplayLookupTable<Level>.maximumLevel
        let levels = [Level](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            // `count >= 1`, so the base exists; strips write disjoint entries.
            let base = SendablePointer(buffer.baseAddress.unsafelyUnwrapped)
            let workers = count >= 2 * entriesPerTableThread ? threads : 1
            StripScheduler.forEachStrip(rows: count, threads: workers, minimumRows: entriesPerTableThread) { samples in
                evaluate(pipeline, samples: samples, maximumLevel: maximumLevel, into: base.base)
            }
            initializedCount = count
        }
        return DisplayLookupTable(levels: levels)
    }

    /// Writes the level of every sample of `samples` to `table[sample]`: exactly
    /// ``DisplayPipeline/outputLevel(ofSample:maximumLevel:)``, with the common rescale-and-window
    /// case taken out of the per-sample dispatch (the same inlined operations in the same order, so
    /// the same `Double` results).
    private static func evaluate<Level: FixedWidthInteger>(
        _ pipeline: DisplayPipeline, samples: Range<Int>, maximumLevel: Int, into table: UnsafeMutablePointer<Level>
    ) {
        let encoding = pipeline.encoding
        let invert = pipeline.invert
        let rescale: (slope: Double, intercept: Double)?
        let window: Window
        switch (pipeline.modality, pipeline.voi) {
        case (.identity, .window(let voiWindow)): (rescale, window) = (nil, voiWindow)
        case (.rescale(let slope, let intercept), .window(let voiWindow)):
            (rescale, window) = ((slope, intercept), voiWindow)
        default:
            for sample in samples {
                let level = pipeline.outputLevel(
                    ofSample: UInt16(truncatingIfNeeded: sample), maximumLevel: maximumLevel)
                (table + sample).initialize(to: Level(truncatingIfNeeded: level))
            }
            return
        }
        for sample in samples {
            // Samples here are within the encoding (`sample <= maximumSample`), so no clamping is needed.
            let stored = encoding.storedValue(ofSample: UInt16(truncatingIfNeeded: sample))
            let x = rescale.map { $0.slope * Double(stored) + $0.intercept } ?? Double(stored)
            let level = window.outputLevel(forModalityValue: x, maximumLevel: maximumLevel)
            (table + sample).initialize(to: Level(truncatingIfNeeded: invert ? maximumLevel - level : level))
        }
    }
}
