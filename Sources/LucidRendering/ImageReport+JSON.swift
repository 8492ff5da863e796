import Foundation
import LucidFiles

extension ImageReport {
    /// The report as a JSON object with the keys `lucid info --json` documents. Absent values are
    /// `null`; `error` appears only when the file could not be read.
    public var jsonObject: [String: Any] {
        func orNull(_ value: Any?) -> Any { value ?? NSNull() }
        var object: [String: Any] = ["file": file]
        if let error {
            object["error"] = error
            return object
        }
        object["patientID"] = orNull(patientID)
        object["patientName"] = orNull(patientName)
        object["studyInstanceUID"] = orNull(studyInstanceUID)
        object["seriesInstanceUID"] = orNull(seriesInstanceUID)
        object["sopInstanceUID"] = orNull(sopInstanceUID)
        object["modality"] = orNull(modality)
        object["sopClassUID"] = orNull(sopClassUID)
        object["transferSyntaxUID"] = orNull(transferSyntaxUID)
        object["transferSyntaxName"] = orNull(transferSyntaxName)
        for (key, value) in acquisition?.jsonFields ?? [:] { object[key] = orNull(value) }
        object["autoPreset"] = orNull(
            autoPreset.map { ["preset": $0.preset.name, "rule": $0.rule, "window": $0.window] })
        object["rows"] = orNull(rows)
        object["columns"] = orNull(columns)
        object["frames"] = orNull(frames)
        object["bitsAllocated"] = orNull(bitsAllocated)
        object["bitsStored"] = orNull(bitsStored)
        object["highBit"] = orNull(highBit)
        object["pixelRepresentation"] = orNull(pixelRepresentation)
        object["photometricInterpretation"] = orNull(photometricInterpretation)
        object["rescaleSlope"] = orNull(rescaleSlope)
        object["rescaleIntercept"] = orNull(rescaleIntercept)
        object["rescaleType"] = orNull(rescaleType)
        object["windows"] = windows.map { window -> [String: Any] in
            [
                "center": window.center, "width": window.width, "function": window.function,
                "explanation": orNull(window.explanation), "valid": window.isValid,
            ]
        }
        object["hasVOILUTSequence"] = hasVOILUTSequence
        object["hasModalityLUTSequence"] = hasModalityLUTSequence
        object["pixelPaddingRange"] = orNull(pixelPaddingRange.map { [$0.lowerBound, $0.upperBound] })
        object["pixelValueRange"] = orNull(
            valueRange.map { range -> [String: Any] in
                [
                    "storedMin": range.storedMinimum, "storedMax": range.storedMaximum,
                    "modalityMin": range.modalityMinimum, "modalityMax": range.modalityMaximum,
                ]
            })
        if let pixelDataError { object["pixelDataError"] = pixelDataError }
        return object
    }

    /// JSON text for one report (an object) or several (an array), keys sorted, pretty-printed.
    /// A header number that JSON cannot hold (NaN, infinite) is `null`.
    public static func json(_ reports: [ImageReport]) -> String {
        let value: Any = reports.count == 1 ? reports[0].jsonObject : reports.map(\.jsonObject)
        guard let data = JSONText.data(value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Human-readable lines for the terminal, each escaped (`TerminalText`): a header value's
    /// control characters and a file name's bytes are shown as escapes, never sent raw.
    public var text: String {
        if let error { return [file, "  error: \(error)"].map(TerminalText.escaped).joined(separator: "\n") }
        func show(_ value: Any?) -> String { value.map { "\($0)" } ?? "-" }
        var lines = [file]
        lines.append("  patient:        \(show(patientID))  \(show(patientName))")
        lines.append("  modality:       \(show(modality))   SOP class \(show(sopClassUID))")
        lines.append("  study / series: \(show(studyInstanceUID)) / \(show(seriesInstanceUID))")
        lines.append("  SOP instance:   \(show(sopInstanceUID))")
        lines.append("  transfer:       \(show(transferSyntaxUID)) (\(show(transferSyntaxName)))")
        lines += acquisition?.textLines ?? []
        lines.append("  size:           \(show(columns)) x \(show(rows)), \(show(frames)) frame(s)")
        lines.append(
            "  bits:           allocated \(show(bitsAllocated)), stored \(show(bitsStored)), high bit \(show(highBit)), "
                + (pixelRepresentation == 1 ? "signed" : "unsigned"))
        lines.append("  photometric:    \(show(photometricInterpretation))")
        lines.append(
            "  rescale:        slope \(show(rescaleSlope)), intercept \(show(rescaleIntercept)) \(rescaleType ?? "")")
        if windows.isEmpty { lines.append("  windows:        none") }
        for (index, window) in windows.enumerated() {
            let note = window.isValid ? "" : "  (invalid for \(window.function))"
            lines.append(
                "  window \(index + 1):       center \(window.center), width \(window.width), \(window.function)"
                    + (window.explanation.map { ", \"\($0)\"" } ?? "") + note)
        }
        lines.append(
            "  VOI LUT Seq:    \(hasVOILUTSequence ? "yes" : "no")   Modality LUT Seq: \(hasModalityLUTSequence ? "yes" : "no")"
        )
        if let pixelPaddingRange {
            lines.append("  pixel padding:  \(pixelPaddingRange.lowerBound)...\(pixelPaddingRange.upperBound)")
        }
        if let range = valueRange {
            lines.append(
                "  values:         stored \(range.storedMinimum)...\(range.storedMaximum), "
                    + "modality \(range.modalityMinimum)...\(range.modalityMaximum)")
        }
        if let pixelDataError { lines.append("  pixel data:     \(pixelDataError)") }
        if let autoPreset { lines.append("  auto preset:    " + autoPreset.text) }
        return lines.map(TerminalText.escaped).joined(separator: "\n")
    }
}
