import LucidDICOM

/// The rule of `--preset auto`: a preset chosen from the file's Modality (0008,0060) and Body Part
/// Examined (0018,0015), both compared in upper case:
///
/// | Modality | Body Part Examined | preset |
/// | --- | --- | --- |
/// | MG | any | `mammo` |
/// | CR, DX, RG | CHEST, LUNG, THORAX | `chest-xray` |
/// | CT | HEAD, BRAIN, SKULL | `ct-brain` |
/// | CT | CHEST, LUNG, THORAX | `ct-lung` |
/// | MR | any | `mr-default` |
/// | anything else, or no Modality | | `file-window` |
///
/// `file-window` applies the file's own VOI (its VOI LUT, else its first valid window), else the
/// automatic window; so a CT of the abdomen with a scanner window keeps it. A 16-bit PNG has no
/// attributes and gets `file-window`, which for it is the automatic window.
public enum AutoPreset {
    static let chestParts: Set<String> = ["CHEST", "LUNG", "THORAX"]
    static let headParts: Set<String> = ["HEAD", "BRAIN", "SKULL"]

    /// One line describing the rule, for `lucid presets`.
    public static let ruleSummary =
        "MG -> mammo; CR/DX/RG + CHEST|LUNG|THORAX -> chest-xray; CT + HEAD|BRAIN|SKULL -> ct-brain; "
        + "CT + CHEST|LUNG|THORAX -> ct-lung; MR -> mr-default; otherwise file-window (file's VOI, else auto)"

    /// The preset for a file with `modality` and `bodyPart` (either may be nil).
    public static func choose(modality: String?, bodyPart: String?) -> PipelinePreset {
        explain(modality: modality, bodyPart: bodyPart).preset
    }

    /// The preset for a file with `modality` and `bodyPart` and the rule of the table above that
    /// chose it, e.g. `Modality CT and Body Part Examined CHEST` (values as written in the file).
    public static func explain(modality: String?, bodyPart: String?) -> (preset: PipelinePreset, rule: String) {
        let shownModality = "Modality \(modality ?? "(none)")"
        let both = "\(shownModality) and Body Part Examined \(bodyPart ?? "(none)")"
        let modality = modality?.uppercased() ?? ""
        let part = bodyPart?.uppercased() ?? ""
        if modality == "MG" { return (.mammo, shownModality) }
        if ["CR", "DX", "RG"].contains(modality) && chestParts.contains(part) { return (.chestXray, both) }
        if modality == "CT" && headParts.contains(part) { return (.ctBrain, both) }
        if modality == "CT" && chestParts.contains(part) { return (.ctLung, both) }
        if modality == "MR" { return (.mrDefault, shownModality) }
        return (.fileWindow, "no rule for \(both)")
    }

    /// The preset for a DICOM data set.
    public static func choose(for dataSet: DataSet) -> PipelinePreset {
        choose(modality: dataSet.string(.modality), bodyPart: dataSet.string(.bodyPartExamined))
    }
}
