import Foundation
import LucidDose

/// The parts of the batch report page: one self-contained HTML document (HTML Living Standard)
/// whose Content-Security-Policy (`default-src 'none'; img-src data:; style-src 'unsafe-inline'`)
/// lets a browser load nothing but the page's own `data:` images and its inline style: no script,
/// font, stylesheet or request leaves the page. Every value from a file is escaped (`HTMLText`).
enum BatchReportHTML {
    /// The comment on the page's second line, by which a later run knows a file it may replace.
    static let marker = "<!-- lucid batch report -->"

    /// The policy of the page's `Content-Security-Policy` meta element.
    static let contentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

    /// The document up to the table's body: title, the run's counts, `notes` (an interrupted run,
    /// thumbnails left out).
    static func head(counts: String, generated: String, notes: [String]) -> String {
        var html = """
            <!DOCTYPE html>
            \(marker)
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <title>Lucid batch report</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>Lucid batch report</h1>
            <p class="run">\(HTMLText.escaped(counts)) · \(HTMLText.escaped(generated))</p>

            """
        for note in notes { html += "<p class=\"note\">\(HTMLText.escaped(note))</p>\n" }
        html += "<table>\n<thead><tr><th>Before</th><th>After</th><th>Image</th><th>Processing</th>"
        html += "<th>Flags</th><th>Dose</th></tr></thead>\n"
        return html
    }

    static let foot = "</table>\n</body>\n</html>\n"

    /// The header row of a study: patient, date, description, its files' counts and the study's
    /// dose totals against their reference levels (none shown when none given).
    static func studyHeader(_ study: ReportStudy) -> String {
        var parts: [String] = []
        if let identity = study.identity {
            parts.append("<span class=\"patient\">\(HTMLText.personName(identity.patientName))</span>")
            if !identity.patientID.isEmpty { parts.append("ID \(HTMLText.escaped(identity.patientID))") }
            if !identity.studyDate.isEmpty { parts.append(HTMLText.date(identity.studyDate)) }
            if !identity.studyDescription.isEmpty { parts.append(HTMLText.escaped(identity.studyDescription)) }
        } else {
            parts.append("Files without a study")
        }
        parts.append(HTMLText.escaped(study.countsText))
        var html = "<tbody class=\"study\"><tr class=\"study-head\"><th colspan=\"6\">"
        html += parts.joined(separator: " · ")
        if !study.dose.isEmpty { html += "<ul class=\"dose\">" + study.dose.map(doseItem).joined() + "</ul>" }
        return html + "</th></tr>\n"
    }

    static let studyFoot = "</tbody>\n"

    /// One file's row: thumbnails, image facts, processing, flags and dose for a file done; the
    /// status and its reason instead of the thumbnails and processing for a failed or skipped file.
    static func row(_ row: ReportRow) -> String {
        var html = "<tr class=\"\(row.status.rawValue)\">"
        if let thumbnails = row.thumbnails {
            html += "<td class=\"thumb\">" + image(thumbnails.before, alt: "before") + "</td>"
            html += "<td class=\"thumb\">" + image(thumbnails.after, alt: "after") + "</td>"
        } else {
            html += "<td colspan=\"2\" class=\"status\">\(row.status.rawValue)</td>"
        }
        html += "<td>" + facts(row) + "</td>"
        if row.status == .ok {
            html += "<td>" + processing(row) + "</td>"
        } else {
            html += "<td class=\"reason\">\(HTMLText.escaped(row.reason ?? row.status.rawValue))</td>"
        }
        html += "<td>" + flags(row.flags) + "</td>"
        html += "<td>" + (row.dose.isEmpty ? "" : "<ul class=\"dose\">" + row.dose.map(doseItem).joined() + "</ul>")
        return html + "</td></tr>\n"
    }

    /// An `<img>` whose source is the thumbnail's PNG as a `data:` URL (RFC 2397, base64 RFC 4648 §4).
    static func image(_ thumbnail: ReportThumbnail, alt: String) -> String {
        "<img src=\"data:image/png;base64,\(Data(thumbnail.png).base64EncodedString())\" width=\"\(thumbnail.width)\" "
            + "height=\"\(thumbnail.height)\" alt=\"\(alt)\">"
    }

    private static func facts(_ row: ReportRow) -> String {
        var lines = ["<div class=\"path\">\(HTMLText.escaped(row.path))</div>"]
        if let identity = row.identity {
            var patient = HTMLText.personName(identity.patientName)
            if !identity.patientID.isEmpty { patient += " (ID \(HTMLText.escaped(identity.patientID)))" }
            lines.append("<div>\(patient)</div>")
            let study = [HTMLText.date(identity.studyDate), HTMLText.escaped(identity.studyDescription)]
                .filter { !$0.isEmpty }
            if !study.isEmpty { lines.append("<div>Study \(study.joined(separator: " · "))</div>") }
            let series = [
                HTMLText.escaped(identity.seriesNumber), HTMLText.escaped(identity.seriesDescription),
                HTMLText.escaped(identity.modality),
            ].filter { !$0.isEmpty }
            if !series.isEmpty { lines.append("<div>Series \(series.joined(separator: " · "))</div>") }
        }
        return lines.joined()
    }

    private static func processing(_ row: ReportRow) -> String {
        var lines: [String] = []
        if let preset = row.preset { lines.append("<div>Preset \(HTMLText.escaped(preset))</div>") }
        if let steps = row.steps { lines.append("<div>Steps <code>\(HTMLText.escaped(steps))</code></div>") }
        for skipped in row.skippedSteps { lines.append("<div>Not applied: \(HTMLText.escaped(skipped))</div>") }
        if let window = row.window { lines.append("<div>Window \(HTMLText.escaped(window))</div>") }
        return lines.joined()
    }

    /// The flags, most severe first, each with its severity as class and word.
    static func flags(_ flags: [Flag]) -> String {
        guard !flags.isEmpty else { return "" }
        let ordered = flags.enumerated().sorted { ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset) }
        return "<ul class=\"flags\">"
            + ordered.map { _, flag in
                let severity = HTMLText.escaped(flag.severity.rawValue)
                return "<li class=\"flag \(severity)\"><b>\(severity)</b> <span class=\"kind\">"
                    + "\(HTMLText.escaped(flag.kind))</span> \(HTMLText.escaped(flag.message))</li>"
            }.joined() + "</ul>"
    }

    private static func doseItem(_ dose: ReportDose) -> String {
        var html = "<li\(dose.exceedsReference ? " class=\"over\"" : "")>\(HTMLText.escaped(dose.label)) "
        html += HTMLText.escaped(quantity(dose.quantity))
        if let level = dose.referenceLevel {
            html += dose.exceedsReference ? " — above reference level " : " — reference level "
            html += HTMLText.escaped(quantity(level))
            if let source = dose.referenceSource { html += " (\(HTMLText.escaped(source)))" }
        }
        return html + "</li>"
    }

    /// `12.3 mGy`: up to 6 significant digits.
    static func quantity(_ quantity: DoseQuantity) -> String {
        String(format: "%g", quantity.value) + " " + quantity.unit
    }

    private static let style = """
        body{font:14px system-ui,sans-serif;margin:16px;color:#111}
        table{border-collapse:collapse;width:100%}
        th,td{border-bottom:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
        tr.study-head th{background:#e8eef6;font-weight:normal;border-top:2px solid #456}
        .patient{font-weight:bold}
        td.thumb{background:#000;text-align:center;width:196px}
        td.status{font-weight:bold;text-transform:uppercase}
        tr.failed td.status{color:#b00020}
        tr.skipped td.status{color:#666}
        .path{font-family:monospace;word-break:break-all}
        ul{margin:0;padding-left:1em}
        li.flag.alert{background:#fde7ea;color:#b00020}
        li.flag.warning{background:#fff4d6;color:#7a5000}
        li.over{color:#b00020;font-weight:bold}
        p.note{background:#fff4d6;padding:6px}
        """
}
