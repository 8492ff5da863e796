import Foundation
import LucidDICOMweb

/// A PACS to archive into over DICOMweb, written `dicomweb+http://HOST:PORT/PATH` or
/// `dicomweb+https://…`, where `http(s)://HOST:PORT/PATH` is the server's DICOMweb root (for
/// Orthanc, `http://HOST:8042/dicom-web`).
///
/// Credentials never go in the URL (they would land in shell histories, process lists and run
/// manifests): a URL with a user or password is refused, and messages show it with that part hidden.
public struct PACSTarget: Sendable, Equatable, CustomStringConvertible {
    /// The prefix that tells a PACS from a folder in `--archive`.
    public static let prefix = "dicomweb+"

    /// The DICOMweb root the client talks to: scheme and host in lower case, no default port,
    /// no trailing slash.
    public let baseURL: URL
    /// The host name, for netrc lookups.
    public let host: String

    /// `dicomweb+` and the DICOMweb root: how the PACS is named in messages, run manifests and the
    /// archive index. It holds no credentials.
    public var description: String { Self.prefix + baseURL.absoluteString }

    /// Whether `text` names a PACS (starts with `dicomweb+`, in any case) rather than a folder.
    public static func names(_ text: String) -> Bool {
        text.lowercased().hasPrefix(prefix)
    }

    /// - Throws: `PACSTargetError` when the scheme is not `dicomweb+http` or `dicomweb+https`, the
    ///   URL has credentials, a query or a fragment, or no host.
    public init(parsing text: String) throws(PACSTargetError) {
        let shown = URLText.redactingCredentials(text)
        guard Self.names(text) else { throw .notDICOMweb(shown) }
        let rest = String(text.dropFirst(Self.prefix.count))
        guard let components = URLComponents(string: rest), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else { throw .unsupportedScheme(shown) }
        if components.user != nil || components.password != nil { throw .credentialsInURL(shown) }
        if components.query != nil || components.fragment != nil { throw .queryOrFragment(shown) }
        guard let host = components.host?.lowercased(), !host.isEmpty else { throw .noHost(shown) }
        var normalized = URLComponents()
        normalized.scheme = scheme
        normalized.host = host
        let defaultPort = scheme == "http" ? 80 : 443
        if let port = components.port, port != defaultPort { normalized.port = port }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        normalized.path = path
        guard let url = normalized.url else { throw .noHost(shown) }
        self.baseURL = url
        self.host = host
    }
}

/// Why a `dicomweb+` URL was refused; every message shows the URL with credentials hidden.
public enum PACSTargetError: Error, Equatable, Sendable, CustomStringConvertible {
    case notDICOMweb(String)
    case unsupportedScheme(String)
    case credentialsInURL(String)
    case queryOrFragment(String)
    case noHost(String)

    public var description: String {
        switch self {
        case .notDICOMweb(let url): return "\(url): a PACS is written dicomweb+http://HOST:PORT/PATH"
        case .unsupportedScheme(let url):
            return "\(url): use dicomweb+http:// or dicomweb+https:// followed by the DICOMweb root"
        case .credentialsInURL(let url):
            return "\(url): credentials do not belong in the URL; use --user or LUCID_DICOMWEB_USER, and "
                + "LUCID_DICOMWEB_PASSWORD or a netrc file for the password"
        case .queryOrFragment(let url): return "\(url): the DICOMweb root takes no query (?) or fragment (#)"
        case .noHost(let url): return "\(url): no host"
        }
    }
}
