#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the batch report could not be written; the files of the run are not affected.
public struct ReportWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The report's path, as given to `--report`.
    public var path: String
    /// The step that failed, e.g. `create temporary file /out/.report.html.tmp-...`.
    public var operation: String
    /// The system's explanation, e.g. `No such file or directory (errno 2)`.
    public var reason: String

    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    /// The failure of `operation` by the current `errno`.
    static func system(_ path: String, _ operation: String) -> ReportWriteError {
        let code = errno
        let text = strerror(code).map { String(cString: $0) } ?? "error"
        return ReportWriteError(path: path, operation: operation, reason: "\(text) (errno \(code))")
    }

    public var description: String {
        "could not write the report \(path): \(operation) failed: \(reason)"
    }
}
