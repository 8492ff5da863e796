import ArgumentParser

/// The value of a `SIZE` option (`--max-memory`, `--max-reply-size`...): a whole number of bytes,
/// optionally followed by `KiB`, `MiB`, `GiB`, `TiB` or `KB`, `MB`, `GB`, `TB` (`ByteSize.parse`).
enum SizeOption {
    /// The bytes `text` names, at least `minimum`.
    /// - Throws: `ValidationError` naming `option` and the value (exit status 2).
    static func bytes(_ text: String, option: String, minimum: Int = 1) throws -> Int {
        guard let bytes = ByteSize.parse(text), bytes >= minimum else {
            let floor = minimum > 1 ? " of at least \(ByteSize.describe(minimum))" : ""
            throw ValidationError(
                "\(option) '\(text)' is not a size\(floor): use a positive number of bytes, optionally with KiB, "
                    + "MiB, GiB, TiB (or KB, MB, GB, TB), e.g. 512MiB")
        }
        return bytes
    }
}
