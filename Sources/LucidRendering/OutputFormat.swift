/// The image formats Lucid writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    case png
    case jpeg

    /// `png`, `jpeg` or `jpg`, any case.
    public init?(name: String) {
        switch name.lowercased() {
        case "png": self = .png
        case "jpeg", "jpg": self = .jpeg
        default: return nil
        }
    }

    /// The format a path's extension names, if any.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(name: String(path[path.index(after: dot)...]))
    }
}
