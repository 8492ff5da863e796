/// URLs as messages show them.
public enum URLText {
    /// `text` with the user and password of its authority hidden: `https://u:pw@h/p` becomes
    /// `https://***@h/p`. Text without `scheme://` or without `@` in the authority is returned as is.
    public static func redactingCredentials(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let afterScheme = text[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? text.endIndex
        guard let at = text[schemeEnd.upperBound..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<schemeEnd.upperBound]) + "***" + String(text[at...])
    }
}
