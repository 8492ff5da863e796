import LucidImaging

/// Times one operation on one image, the way `lucid bench` reports it: warm-up runs first (not
/// timed), then `repeatCount` timed runs, each over the whole image.
package struct BenchRunner: Sendable {
    /// The image every run processes; it is built once, before any timing.
    package let image: GrayImage<UInt16>
    /// Timed runs, at least 1.
    package let repeatCount: Int
    /// Untimed runs before the timed ones (page faults, caches, lazily built tables), at least 0.
    package let warmUpCount: Int

    /// - Parameters:
    ///   - image: the input of every run.
    ///   - repeatCount: timed runs, clamped to at least 1.
    ///   - warmUpCount: untimed runs first, clamped to at least 0; default 1.
    package init(image: GrayImage<UInt16>, repeatCount: Int, warmUpCount: Int = 1) {
        self.image = image
        self.repeatCount = max(1, repeatCount)
        self.warmUpCount = max(0, warmUpCount)
    }

    /// Runs `operation` `warmUpCount` times untimed, then `repeatCount` times timed with a monotonic
    /// clock, and returns the timings with the output of the last run (which keeps the work from
    /// being optimised away and lets the caller write it out).
    package func run<Output>(_ operation: (GrayImage<UInt16>) throws -> Output) rethrows -> (BenchTiming, Output) {
        for _ in 0..<warmUpCount { _ = try operation(image) }
        let clock = ContinuousClock()
        var seconds: [Double] = []
        seconds.reserveCapacity(repeatCount)
        var start = clock.now
        var output = try operation(image)
        seconds.append(Self.seconds(clock.now - start))
        for _ in 1..<repeatCount {
            start = clock.now
            output = try operation(image)
            seconds.append(Self.seconds(clock.now - start))
        }
        let timing = BenchTiming(seconds: seconds, pixelCount: image.width * image.height)
        return (timing, output)
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

/// The timed runs of one benchmark.
package struct BenchTiming: Sendable, Equatable {
    /// Wall-clock seconds of each timed run, in run order.
    package let seconds: [Double]
    /// Pixels processed per run (width x height of the input).
    package let pixelCount: Int

    package init(seconds: [Double], pixelCount: Int) {
        precondition(!seconds.isEmpty, "a timing needs at least one run")
        self.seconds = seconds
        self.pixelCount = pixelCount
    }

    /// The median run time in seconds (the mean of the two middle runs for an even count).
    package var medianSeconds: Double {
        let sorted = seconds.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The fastest run in seconds.
    package var minimumSeconds: Double { seconds.min() ?? 0 }

    /// Megapixels (10^6 input pixels) per second of the fastest run: best-of-K, the figure that is
    /// least disturbed by other processes on a shared machine. 0 when the fastest run took no
    /// measurable time.
    package var megapixelsPerSecond: Double {
        minimumSeconds > 0 ? Double(pixelCount) / minimumSeconds / 1e6 : 0
    }
}
