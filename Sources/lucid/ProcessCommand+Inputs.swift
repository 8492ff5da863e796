import LucidFiles

extension ProcessCommand {
    /// Whether the run has anything that may exist to read: a `--files-from` list (read as the run
    /// goes), or an INPUT that is there (a file, a folder, anything but a missing path). When not,
    /// the run creates nothing: each INPUT fails on its own (`input.unusable`) and no output folder,
    /// archive index or run manifest is made for paths that do not exist.
    var anyInputExists: Bool {
        filesFrom != nil
            || inputs.contains { input in
                if case .missing = FileSystemPath.kind(input) { return false }
                return true
            }
    }
}
