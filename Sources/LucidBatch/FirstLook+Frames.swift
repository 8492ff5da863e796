import LucidDose
import LucidFiles

extension FirstLook {
    /// Adds one frame's flags to a file's: a kind the file has already keeps its first frame (its
    /// figures and the frame it names) and counts one more frame in `frames` and its message.
    public static func merge(_ frameFlags: [Flag], into flags: inout [Flag]) {
        for flag in frameFlags {
            guard let index = flags.firstIndex(where: { $0.kind == flag.kind }) else {
                flags.append(flag)
                continue
            }
            flags[index] = countingOneMoreFrame(flags[index])
        }
    }

    /// `flag` with `frames` one more and its message's frame clause to match; a flag without the
    /// `frame` and `frames` numbers (not a pixel flag) is returned as it is.
    static func countingOneMoreFrame(_ flag: Flag) -> Flag {
        guard case .number(let first)? = flag.details["frame"], case .number(let counted)? = flag.details["frames"],
            let frame = Int(exactly: first), let frames = Int(exactly: counted)
        else { return flag }
        let clause = frameClause(frame: frame, frames: frames)
        guard flag.message.hasSuffix(clause) else { return flag }
        var merged = flag
        merged.message = String(flag.message.dropLast(clause.count)) + frameClause(frame: frame, frames: frames + 1)
        merged.details["frames"] = .number(Double(frames + 1))
        return merged
    }

    /// `flags` as a compact JSON array with sorted keys, as the index records them (`[]` when none).
    public static func jsonArray(_ flags: [Flag]) -> String {
        guard let data = JSONText.data(flags.map(\.jsonObject), options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
