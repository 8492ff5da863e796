import ArgumentParser
import Foundation
import LucidRendering

/// `lucid presets [--json]`: the named pipelines of `--preset`, with their sources.
struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List the presets of --preset (render, process): name, steps and where the values come from."
    )

    @Flag(help: "Print one JSON array of {name, steps, source}.")
    var json = false

    func run() throws {
        let presets = PipelinePreset.allCases
        if json {
            let objects = presets.map { ["name": $0.name, "steps": $0.stepsText, "source": $0.source] }
            let data = try JSONSerialization.data(
                withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        for line in HelpTopic.presetListing() { print(line) }
    }
}
