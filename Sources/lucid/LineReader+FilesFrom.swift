import ArgumentParser
import LucidBatch

extension LineReader {
    /// The reader of `--files-from PATH` (`-` for standard input), or nil without the option.
    /// - Throws: `ValidationError` (exit 2) naming the file when it cannot be opened.
    static func filesFrom(_ path: String?) throws -> LineReader? {
        guard let path else { return nil }
        do {
            return try LineReader(path: path)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
