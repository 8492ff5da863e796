import ArgumentParser
import Foundation
import LucidBatch

extension ProcessCommand {
    /// The `--fail-on` kinds, each one of `FirstLook.kinds`.
    var failOnKinds: Set<String> {
        get throws {
            let kinds = failOn.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            for kind in kinds where !FirstLook.kinds.contains(kind) {
                throw ValidationError(
                    "--fail-on: unknown flag kind '\(kind)': use \(FirstLook.kinds.joined(separator: ", "))")
            }
            return Set(kinds)
        }
    }
}
