import LucidDICOM
import LucidImaging
import LucidRendering

extension FileProcessor {
    /// Whether the frame about to be rendered gives the file's report thumbnails: with `--report`,
    /// the first frame rendered with renditions.
    func wantsThumbnails(_ outcome: FileOutcome, renditions: Bool) -> Bool {
        settings.capturesReport && renditions && outcome.report?.thumbnails == nil
    }

    /// The thumbnails of a grayscale frame: `before` windowed from the stored samples with the
    /// image's default display window (the file's first window, else an automatic range) and no
    /// filter, `after` from the rendition's rendering. Nil when either cannot be made: a report
    /// thumbnail never fails the file.
    func grayThumbnails(
        _ samples: GrayImage<UInt16>, encoding: StoredValueEncoding, display: DisplayAttributes, path: String,
        frame: Int, frameCount: Int, after: Rendering
    ) -> ReportThumbnails? {
        let options = RenderOptions(frame: frame, depth: 8, threads: settings.threads)
        guard
            let original = try? Renderer.window(
                samples, encoding: encoding, display: display, source: path, frameCount: frameCount, options: options),
            let before = try? ThumbnailScaler.thumbnail(of: original),
            let processed = try? ThumbnailScaler.thumbnail(of: after)
        else { return nil }
        return ReportThumbnails(frame: frame, before: before, after: processed)
    }

    /// The thumbnails of a colour frame, which is rendered as it is: `before` and `after` alike.
    func colorThumbnails(_ rendering: Rendering, frame: Int) -> ReportThumbnails? {
        guard let thumbnail = try? ThumbnailScaler.thumbnail(of: rendering) else { return nil }
        return ReportThumbnails(frame: frame, before: thumbnail, after: thumbnail)
    }
}
