import Foundation
import LucidDose

/// The first look's pixel rules: whether a frame is `saturated` or `blank`, and the kinds of flag
/// `lucid process --fail-on` knows. Every threshold was measured against the sample sets (README,
/// "The first look in `lucid process`"): no clean image there meets one.
public enum FirstLook {
    /// `saturated`: at least this share (1 %) of the in-field pixels at the largest stored value, in
    /// regions enclosed by the field (`FrameLook.enclosedAtMaximumCount`). A detector or digitiser
    /// that clips loses everything above its range. Clipped regions that run to the field's edge are
    /// the direct beam around the patient or a collimated margin (a chest radiograph of the sample
    /// sets holds 1.8 % of them, all along its sides), normal in radiography; a few clipped pixels
    /// inside (a marker, burned-in text) are normal too; a percent of the field clipped inside the
    /// image is anatomy without detail.
    public static let saturatedShare = 0.01

    /// `blank`: the central 99 % of the in-field pixels within at most this many grey levels: 1/512
    /// of the levels the encoding holds, at least 4 and at most 16 (4 for 8 or 10 bits stored, 8 for
    /// 12, 16 for 14 and 16). An image with content spreads over about a hundred levels or more (the
    /// narrowest of the sample sets: 99, a 16-bit capture using a few hundred values); an unexposed
    /// plate or an empty reconstruction sits within its noise. The cap holds because Bits Stored
    /// often declares far more range than the data uses (16 bits for values below 1000).
    public static func blankLevels(encodingLevels: Int) -> Int { min(16, max(4, encodingLevels / 512)) }

    /// The pixel kinds, then the dose kinds `LucidDose` provides; `--fail-on` accepts these.
    public static let pixelKinds = ["saturated", "blank"]
    public static let doseKinds = ["deviation-index", "drl", "dose-check"]
    public static var kinds: [String] { pixelKinds + doseKinds }

    /// Whether the top of the range means saturation for this image: not for CT, whose top stored
    /// value is where reconstruction clips metal (an implant, a filling: real, not a fault of the
    /// exposure), and not for data wider than 16 bits or float, quantised onto the frame's own span
    /// (`WideQuantisation`), whose largest sample is always present.
    public static func checksSaturation(modality: String?, quantised: Bool) -> Bool {
        modality?.uppercased() != "CT" && !quantised
    }

    /// The flags of frame `frame` (from 1): `saturated` (a warning) when `checksSaturation` and the
    /// enclosed share at the largest stored value reaches `saturatedShare`; `blank` (an alert) when every pixel
    /// is padding or the central band is within `blankLevels`. A blank frame is not also saturated.
    public static func flags(_ look: FrameLook, frame: Int, checksSaturation: Bool) -> [Flag] {
        if look.inFieldCount == 0 || look.centralLevels <= blankLevels(encodingLevels: look.encodingLevels) {
            return [
                blank(
                    levels: look.inFieldCount == 0 ? 0 : look.centralLevels, frame: frame, frames: 1)
            ]
        }
        guard checksSaturation, look.enclosedAtMaximumShare >= saturatedShare else { return [] }
        return [saturated(share: look.enclosedAtMaximumShare, value: look.maximumStoredValue, frame: frame, frames: 1)]
    }

    /// `saturated`: `share` (0...1) of the in-field pixels at stored value `value` in enclosed
    /// regions, first in frame
    /// `frame`, in `frames` frames in all.
    static func saturated(share: Double, value: Int, frame: Int, frames: Int) -> Flag {
        let percent = String(format: "%.1f", share * 100)
        return Flag(
            kind: "saturated", severity: .warning,
            message:
                "\(percent) % of the in-field pixels clipped at the largest stored value \(value), away from the edge"
                + frameClause(frame: frame, frames: frames),
            details: [
                "share": .number((share * 10000).rounded() / 10000), "value": .number(Double(value)),
                "frame": .number(Double(frame)), "frames": .number(Double(frames)),
            ])
    }

    /// `blank`: the central 99 % of the in-field pixels within `levels` grey levels (0: every pixel
    /// is padding), first in frame `frame`, in `frames` frames in all.
    static func blank(levels: Int, frame: Int, frames: Int) -> Flag {
        let what =
            levels == 0
            ? "every pixel is padding" : "99 % of the in-field pixels within \(levels) grey level(s)"
        return Flag(
            kind: "blank", severity: .alert, message: "no signal: \(what)" + frameClause(frame: frame, frames: frames),
            details: [
                "levels": .number(Double(levels)), "frame": .number(Double(frame)),
                "frames": .number(Double(frames)),
            ])
    }

    /// ` (frame 2)`, ` (frame 2 and 3 more frames)`.
    static func frameClause(frame: Int, frames: Int) -> String {
        " (frame \(frame)" + (frames > 1 ? " and \(frames - 1) more frame(s))" : ")")
    }
}
