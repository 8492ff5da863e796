import Foundation
import LucidImaging

/// The window one frame was actually rendered with, as the run manifest records it.
public struct AppliedWindow: Sendable, Equatable {
    /// The frame number, from 1.
    public var frame: Int
    /// The readable statement, as in the PNG `Window` text chunk, e.g.
    /// `window 1 of file: center 40 width 400 LINEAR "BRAIN"`.
    public var description: String
    /// Set when the VOI applied is a window (center, width, VOI LUT Function); nil for an automatic
    /// range or a VOI LUT.
    public var window: Window?

    public init(frame: Int, description: String, window: Window?) {
        self.frame = frame
        self.description = description
        self.window = window
    }

    /// The window a rendered frame used.
    init(_ product: FrameProduct) {
        var window: Window?
        if case .window(let applied) = product.voi { window = applied }
        self.init(frame: product.frame, description: product.windowDescription, window: window)
    }

    /// `{"center","description","frame","function","width"}`; the window's values are `null` when it is not a window.
    var jsonObject: [String: Any] {
        let window = self.window.flatMap { $0.center.isFinite && $0.width.isFinite ? $0 : nil }
        return [
            "frame": frame, "description": description,
            "center": window.map { $0.center as Any } ?? NSNull(),
            "width": window.map { $0.width as Any } ?? NSNull(),
            "function": window.map { $0.function.rawValue as Any } ?? NSNull(),
        ]
    }
}
