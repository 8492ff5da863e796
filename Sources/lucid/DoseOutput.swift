import LucidDose
import LucidFiles

/// What `lucid dose` prints: JSON lines as files are read, or a table (file, kind, modality, dose,
/// exposure) with each file's findings on the lines below it, printed at the end so columns align.
struct DoseOutput {
    let json: Bool
    private var rows: [[String]] = []
    private var notes: [Int: [String]] = [:]

    init(json: Bool) { self.json = json }

    mutating func file(path: String, facts: DoseFacts, flags: [Flag]) {
        if json {
            print(JSONText.encode(facts.jsonObject(path: path, flags: flags)))
            return
        }
        rows.append([
            TerminalText.escaped(path), facts.kind.rawValue, TerminalText.escaped(facts.modality ?? "-"),
            Self.doseText(facts), Self.exposureText(facts),
        ])
        notes[rows.count - 1] = Self.notes(facts: facts, flags: flags)
    }

    mutating func study(_ summary: StudyDose, flags: [Flag]) {
        if json {
            print(JSONText.encode(summary.jsonObject(flags: flags)))
            return
        }
        rows.append([
            "study " + TerminalText.escaped(summary.studyInstanceUID), "\(summary.reports.count) report(s)", "",
            Self.doseText(summary.facts), "",
        ])
        notes[rows.count - 1] = flags.map(Self.flagText)
    }

    func finish() {
        guard !json, !rows.isEmpty else { return }
        let header = ["FILE", "KIND", "MODALITY", "DOSE", "EXPOSURE"]
        let table = [header] + rows
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        for (index, row) in table.enumerated() {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }
            print(cells.joined(separator: "  ").trimmingTrailingSpaces)
            for note in notes[index - 1] ?? [] { print("    " + note) }
        }
    }

    /// The dose figures, `;`-separated: totals, event counts and largest event values, header values.
    static func doseText(_ facts: DoseFacts) -> String {
        var parts: [String] = []
        if let ct = facts.ct {
            if let total = ct.dlpTotal { parts.append("DLP total " + quantity(total)) }
            let largest = DoseFacts.largestValue(ct.events.compactMap(\.ctdiVol))
            parts.append(
                "\(ct.events.count) CT acquisition(s)" + (largest.map { ", CTDIvol max " + quantity($0) } ?? ""))
        }
        if let projection = facts.projection {
            if let total = projection.dapTotal { parts.append("DAP total " + quantity(total)) }
            if let total = projection.doseRPTotal { parts.append("dose (RP) total " + quantity(total)) }
            if !projection.accumulatedAverageGlandularDose.isEmpty {
                parts.append(
                    "accumulated AGD "
                        + projection.accumulatedAverageGlandularDose.map(quantity).joined(separator: ", "))
            }
            parts.append("\(projection.events.count) irradiation event(s)")
        }
        let header: [(String, DoseQuantity?)] = [
            ("DAP", facts.dap), ("CTDIvol", facts.ctdiVol), ("entrance dose", facts.entranceDose),
            ("organ dose", facts.organDose),
        ]
        for (name, value) in header { if let value { parts.append(name + " " + quantity(value)) } }
        return parts.isEmpty ? "-" : parts.joined(separator: "; ")
    }

    static func exposureText(_ facts: DoseFacts) -> String {
        guard let exposure = facts.exposure else { return "-" }
        var parts: [String] = []
        if let value = exposure.exposureIndex { parts.append("EI " + number(value)) }
        if let value = exposure.targetExposureIndex { parts.append("EI_T " + number(value)) }
        if let value = exposure.deviationIndex {
            parts.append("DI " + number(value) + (exposure.isDeviationIndexComputed ? " (computed)" : ""))
        }
        if let band = exposure.band { parts.append(band.rawValue) }
        return parts.joined(separator: " ")
    }

    /// The technique factors, then one line per flag.
    static func notes(facts: DoseFacts, flags: [Flag]) -> [String] {
        var lines: [String] = []
        let technique = facts.technique
        var factors: [String] = []
        if let value = technique.kvp { factors.append(number(value) + " kV") }
        if let value = technique.milliampereSeconds { factors.append(number(value) + " mAs") }
        if let value = technique.exposureTimeMilliseconds { factors.append(number(value) + " ms") }
        if let value = technique.relativeXRayExposure {
            factors.append("relative exposure " + number(value) + " " + (technique.relativeXRayExposureUnit ?? ""))
        }
        if !factors.isEmpty { lines.append("technique: " + factors.joined(separator: ", ")) }
        return lines + flags.map(flagText)
    }

    static func flagText(_ flag: Flag) -> String {
        "\(flag.severity.rawValue) \(flag.kind): " + TerminalText.escaped(flag.message)
    }

    static func quantity(_ value: DoseQuantity) -> String { number(value.value) + " " + value.unit }

    static func number(_ value: Double) -> String { String(format: "%.6g", value) }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
