import LucidImaging

/// The operation parameters of a `lucid bench` run, as the user gave them; `nil` means "use the
/// operation's default". Each field is used by the operations named in its comment; giving one to
/// another operation is an error (see ``OperationRegistry``).
package struct BenchParameters: Sendable, Equatable {
    /// window: Window Center in sample units (default `2^(bits-1)`).
    package var center: Double?
    /// window: Window Width in sample units (default `2^(bits-1)`).
    package var width: Double?
    /// window: VOI LUT Function (default LINEAR).
    package var function: VOIFunction?
    /// clahe: clip limit, OpenCV's meaning (default 2.0).
    package var clipLimit: Double?
    /// clahe: tiles across (default 8; given together with ``tilesY`` as `--tiles 8x8`).
    package var tilesX: Int?
    /// clahe: tiles down (default 8).
    package var tilesY: Int?
    /// gaussian, unsharp: standard deviation in pixels (defaults 1.5 and 2.0).
    package var sigma: Double?
    /// unsharp: amount of the detail added back (default 1.0).
    package var amount: Double?
    /// median: kernel size, odd (default 3).
    package var kernelSize: Int?
    /// bilateral: neighbourhood diameter in pixels (default 5).
    package var diameter: Int?
    /// bilateral: spatial standard deviation in pixels (default 2).
    package var sigmaSpace: Double?
    /// bilateral: range standard deviation in grey levels (default 100).
    package var sigmaColor: Double?
    /// nlm: filter strength h in grey levels (default 30).
    package var strength: Double?
    /// nlm: template (patch) size, odd (default 7).
    package var templateSize: Int?
    /// nlm: search window size, odd (default 21).
    package var searchSize: Int?

    package init() {}

    /// The report names (as in ``BenchParameter/name``) of the fields that were given.
    package var suppliedNames: [String] {
        let fields: [(String, Bool)] = [
            ("center", center != nil), ("width", width != nil), ("function", function != nil),
            ("clip", clipLimit != nil), ("tiles", tilesX != nil || tilesY != nil), ("sigma", sigma != nil),
            ("amount", amount != nil), ("kernel", kernelSize != nil), ("diameter", diameter != nil),
            ("sigma_space", sigmaSpace != nil), ("sigma_color", sigmaColor != nil), ("h", strength != nil),
            ("template", templateSize != nil), ("search", searchSize != nil),
        ]
        return fields.filter(\.1).map(\.0)
    }
}
