import Foundation
import LucidDICOM

/// Deterministic UIDs for derived images, so that re-runs and parallel workers (or processes)
/// agree without talking to each other.
///
/// A UID is `2.25.` followed by a name-based UUID as one decimal integer (PS3.5 §B.2): the first
/// 16 bytes of the SHA-256 of a text naming what is derived, with the UUID version set to 8 and
/// the RFC 9562 variant bits, as RFC 9562 §5.8 allows for hash-based UUIDs.
///
/// - Derived Series Instance UID: from `series`, the source Series Instance UID and the recipe,
///   so every image of a source series processed with one recipe joins one derived series.
/// - Study Instance UID, only for a source that has none: from `study` and the derived Series
///   Instance UID.
/// - Derived SOP Instance UID: from `instance`, the source SOP Instance UID, the SHA-256 of the
///   source file's bytes, the recipe and the frame number (from 1), so re-running the same recipe
///   on the same file gives the same UID, and two different files that claim one SOP Instance UID
///   never give the same derived UID.
public enum DerivedUIDs {
    public static func series(sourceSeriesUID: String, recipe: String) -> String {
        uid(for: "series\u{0}" + sourceSeriesUID + "\u{0}" + recipe)
    }

    /// The Study Instance UID of images derived from a source without one: from `study` and the
    /// derived Series Instance UID, so that every image of one derived series shares one study.
    public static func study(derivedSeriesUID: String) -> String {
        uid(for: "study\u{0}" + derivedSeriesUID)
    }

    public static func instance(sourceSOPInstanceUID: String, sourceSHA256: String, recipe: String, frame: Int)
        -> String
    {
        uid(
            for: "instance\u{0}" + sourceSOPInstanceUID + "\u{0}" + sourceSHA256 + "\u{0}" + recipe + "\u{0}"
                + String(frame))
    }

    /// `2.25.<UUID>` from the SHA-256 of `name`.
    static func uid(for name: String) -> String {
        DICOMUID.fromDigest(SHA256Digest.bytes(of: name))
    }
}
