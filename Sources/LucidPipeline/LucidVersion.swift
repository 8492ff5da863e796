/// Lucid's version, recorded in every output it writes.
public enum LucidVersion {
    public static let current = "0.1.0"
}
