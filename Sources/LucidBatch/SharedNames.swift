import LucidDeidentify
import LucidFiles

/// With `lucid process --deidentify`, what the outputs that may leave the hospital (the run
/// manifest, the `--report` page) say of an input: not its path, which often holds the patient's
/// name, but `Pseudonymizer.inputName(forPath:)` (`input-` and 16 characters, the same for the
/// same path and key). The JSON lines on standard output are the operator's: they keep `path` and
/// add `sharedName`, so a script can tell which input a manifest entry is.
public struct SharedNames: Sendable {
    public let pseudonymizer: Pseudonymizer

    public init(pseudonymizer: Pseudonymizer) {
        self.pseudonymizer = pseudonymizer
    }

    /// A finished file's outcome with its `sharedName` set; other events as they are.
    public func named(_ event: BatchEvent) -> BatchEvent {
        guard case .finished(var outcome) = event else { return event }
        outcome.sharedName = pseudonymizer.inputName(forPath: outcome.path)
        return .finished(outcome)
    }

    /// A finished file's outcome as shared: `path` is its shared name, and its error and notes say
    /// that name wherever they said the path (as given or as displayed).
    public func shared(_ event: BatchEvent) -> BatchEvent {
        guard case .finished(var outcome) = named(event), let name = outcome.sharedName else { return event }
        let forms = Set([outcome.path, FileSystemName.displayed(outcome.path)]).filter { !$0.isEmpty }
        func withheld(_ text: String) -> String {
            forms.sorted { $0.count > $1.count }.reduce(text) { $0.replacingOccurrences(of: $1, with: name) }
        }
        outcome.error = outcome.error.map(withheld)
        outcome.notes = outcome.notes.map(withheld)
        outcome.path = name
        return .finished(outcome)
    }
}
