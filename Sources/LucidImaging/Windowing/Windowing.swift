/// Fast, multi-core rendering of stored samples to display levels, bit-identical to
/// ``DisplayPipeline/displayLookupTable8()`` / ``DisplayPipeline/displayLookupTable16()`` applied per
/// pixel: Modality LUT, VOI (LINEAR, LINEAR_EXACT, SIGMOID, VOI LUT, linear range), rounding half up,
/// then MONOCHROME1 inversion, as PS3.3 C.11 defines them (see ``DisplayPipeline/outputLevel(ofSample:maximumLevel:)``).
///
/// How: the pipeline is evaluated once per possible sample (the exact table). For 8-bit output,
/// when the table is a clamped straight ramp (LINEAR, LINEAR_EXACT and linear-range windows with an
/// identity or rescale Modality LUT), an integer fixed-point formula proven equal to the table for
/// every sample (``FixedPointRamp``) is applied with vector arithmetic; otherwise each pixel is looked
/// up in the table. Rows are split over `threads` threads; the result does not depend on the count.
///
/// Samples above the encoding's maximum sample (which a correct decoder never produces) take the
/// table's last level, as ``DisplayLookupTable/subscript(sample:)`` does.
public enum Windowing {
    /// Renders `image` (offset-binary samples in `pipeline.encoding`) to 8-bit levels 0...255.
    /// - Parameters:
    ///   - threads: threads to use, at least 1 (default: every available core).
    /// - Throws: ``DisplayPipelineError`` when ``DisplayPipeline/validate()`` fails.
    public static func apply(
        _ image: GrayImage<UInt16>, pipeline: DisplayPipeline, threads: Int = StripScheduler.availableThreads
    ) throws(DisplayPipelineError) -> GrayImage<UInt8> {
        apply(image, table: try table(pipeline, threads: threads, as: UInt8.self), threads: threads)
    }

    /// Renders `image` (offset-binary samples in `pipeline.encoding`) to 16-bit levels 0...65,535.
    /// - Parameters:
    ///   - threads: threads to use, at least 1 (default: every available core).
    /// - Throws: ``DisplayPipelineError`` when ``DisplayPipeline/validate()`` fails.
    public static func apply16(
        _ image: GrayImage<UInt16>, pipeline: DisplayPipeline, threads: Int = StripScheduler.availableThreads
    ) throws(DisplayPipelineError) -> GrayImage<UInt16> {
        apply16(image, table: try table(pipeline, threads: threads, as: UInt16.self), threads: threads)
    }

    /// Maps every pixel of `image` through `table` (8-bit levels), as
    /// ``DisplayLookupTable/apply(to:)`` does, on up to `threads` threads. Reuse one table for the
    /// frames of a series to build it once.
    public static func apply(
        _ image: GrayImage<UInt16>, table: DisplayLookupTable<UInt8>, threads: Int = StripScheduler.availableThreads
    ) -> GrayImage<UInt8> {
        WindowingPlan(table: table, pixelCount: image.pixels.count).render(image, threads: threads)
    }

    /// Maps every pixel of `image` through `table` (16-bit levels), as
    /// ``DisplayLookupTable/apply(to:)`` does, on up to `threads` threads.
    public static func apply16(
        _ image: GrayImage<UInt16>, table: DisplayLookupTable<UInt16>, threads: Int = StripScheduler.availableThreads
    ) -> GrayImage<UInt16> {
        WindowingPlan.renderGather(image, levels: WindowingPlan.paddedLevels(table.levels), threads: threads)
    }

    /// Maps every pixel of `source` through `table` (8-bit levels) into `destination` (same size, one
    /// sample per pixel, not overlapping), on up to `threads` threads.
    public static func apply(
        _ source: ImageView<UInt16>, table: DisplayLookupTable<UInt8>, into destination: MutableImageView<UInt8>,
        threads: Int = StripScheduler.availableThreads
    ) {
        WindowingPlan(table: table, pixelCount: source.width * source.height)
            .render(source, into: destination, threads: threads)
    }

    /// Maps every pixel of `source` through `table` (16-bit levels) into `destination` (same size, one
    /// sample per pixel, not overlapping), on up to `threads` threads.
    public static func apply16(
        _ source: ImageView<UInt16>, table: DisplayLookupTable<UInt16>, into destination: MutableImageView<UInt16>,
        threads: Int = StripScheduler.availableThreads
    ) {
        WindowingPlan.renderGather(
            source, into: destination, levels: WindowingPlan.paddedLevels(table.levels), threads: threads)
    }
}
