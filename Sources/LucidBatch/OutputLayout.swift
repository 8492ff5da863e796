import LucidFiles

/// Where `lucid process` writes the renditions of each input: under `--out`, mirroring the input
/// tree relative to the common root of the inputs.
///
/// - The root is the deepest folder holding every INPUT argument (a folder argument counts as
///   itself, a file argument as its folder) and, when `--files-from` is used, the current directory.
///   `lucid process scans/ --out out` writes `scans/a/b.dcm` as `out/a/b.dcm.png`. An INPUT that
///   does not exist has no say in it (it fails on its own), unless none exists.
/// - A file outside the root (a `--files-from` line such as `/elsewhere/x.dcm`) is mirrored by its
///   whole absolute path under `@abs`: `out/@abs/elsewhere/x.dcm.png`. So that no file inside the
///   root can land there, a top-level name inside the root that starts with `@` gets one more `@`.
/// - Names are mirrored byte for byte: an input named `latin\xe9.dcm` (not UTF-8) gives an output
///   file whose name is those bytes and `.png` (see `FileSystemName`).
/// - The full file name is kept, extension included, and the rendition's suffix is appended:
///   `.png` (8-bit PNG), `.16.png` (16-bit PNG), `.jpg`; a multi-frame file adds the frame number
///   from 1: `cine.dcm.12.png`. Since paths are mirrored one to one, two inputs never share a stem.
public struct OutputLayout: Sendable, Equatable {
    /// The output folder, as given.
    public let outputDirectory: String
    /// The common root of the inputs, absolute.
    public let root: String
    /// The current directory the relative inputs were resolved against.
    let base: String

    /// - Parameters:
    ///   - inputs: the INPUT arguments as given.
    ///   - usesFilesFrom: whether `--files-from` adds paths (relative to the current directory).
    ///   - outputDirectory: the `--out` folder.
    public init(inputs: [String], usesFilesFrom: Bool, outputDirectory: String) {
        self.init(
            inputs: inputs, usesFilesFrom: usesFilesFrom, outputDirectory: outputDirectory,
            base: FileSystemPath.currentDirectory)
    }

    init(inputs: [String], usesFilesFrom: Bool, outputDirectory: String, base: String) {
        let paths = inputs.map { FileSystemPath.absolute($0, base: base) }
        let existing = paths.filter { path in
            if case .missing = FileSystemPath.kind(path) { return false }
            return true
        }
        var folders = (existing.isEmpty ? paths : existing).map { path -> String in
            if case .directory = FileSystemPath.kind(path) { return path }
            return FileSystemPath.parent(path)
        }
        if usesFilesFrom || folders.isEmpty { folders.append(FileSystemPath.absolute(".", base: base)) }
        self.root = FileSystemPath.commonAncestor(folders)
        self.outputDirectory = outputDirectory
        self.base = base
    }

    /// The mirrored path of an input, relative to `outputDirectory`, before the rendition suffix.
    public func relativeStem(of input: String) -> String {
        let path = FileSystemPath.absolute(input, base: base)
        let prefix = root == "/" ? "/" : root + "/"
        guard path.utf8.starts(with: prefix.utf8), path.utf8.count > prefix.utf8.count else {
            return "@abs" + path
        }
        let relative = String(Substring(path.utf8.dropFirst(prefix.utf8.count)))
        return relative.utf8.first == UInt8(ascii: "@") ? "@" + relative : relative
    }

    /// The output path of one rendition of `input`.
    /// - Parameter frame: the frame number from 1 for multi-frame files, nil for single-frame files.
    public func outputPath(for input: String, frame: Int?, format: RenditionFormat) -> String {
        outputPath(stem: relativeStem(of: input), frame: frame, format: format)
    }

    /// The output path of one rendition named `stem` (relative to `outputDirectory`), e.g. a
    /// de-identified instance's `<Study UID>/<Series UID>/<SOP Instance UID>.dcm`.
    public func outputPath(stem: String, frame: Int?, format: RenditionFormat) -> String {
        let frameSuffix = frame.map { ".\($0)" } ?? ""
        let folder = outputDirectory.hasSuffix("/") ? String(outputDirectory.dropLast()) : outputDirectory
        return folder + "/" + stem + frameSuffix + format.suffix
    }
}

/// A rendition `lucid process` writes (`--format`, several allowed).
public enum RenditionFormat: String, Sendable, CaseIterable {
    /// 8-bit grayscale PNG with the recipe in text chunks.
    case png
    /// 16-bit grayscale PNG (the window maps to 0...65535) with the recipe in text chunks.
    case png16
    /// 8-bit baseline JPEG with the recipe in a COM (comment) marker.
    case jpeg

    /// `png`, `png16`, `jpeg` or `jpg`, any case.
    public init?(name: String) {
        switch name.lowercased() {
        case "png": self = .png
        case "png16": self = .png16
        case "jpeg", "jpg": self = .jpeg
        default: return nil
        }
    }

    /// Appended to the input's file name.
    public var suffix: String {
        switch self {
        case .png: ".png"
        case .png16: ".16.png"
        case .jpeg: ".jpg"
        }
    }

    /// Output bits per sample.
    public var depth: Int { self == .png16 ? 16 : 8 }
}
