import Foundation

extension DICOMwebCredentials {
    /// The credentials for a server at `host`, from the places Lucid reads them, never from a
    /// command-line password:
    /// - the user: `user` (`--user`), else `LUCID_DICOMWEB_USER`, else the netrc entry's `login`;
    /// - the password: `LUCID_DICOMWEB_PASSWORD`, else the netrc entry for `host` (or its `default`
    ///   entry) when its `login` is absent or equal to the user.
    ///
    /// The netrc file is `netrcPath` (`--netrc-file`, which must be readable), else `defaultNetrcPath`
    /// (`~/.netrc`) when that file exists.
    /// - Returns: nil when neither a user nor a password is found (a server without authentication).
    /// - Throws: `DICOMwebError.invalidConfiguration` when only one of user and password is found,
    ///   the user contains `:`, or the netrc file cannot be read; no message shows a password.
    public static func resolve(
        user: String?, host: String, netrcPath: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        defaultNetrcPath: String? = DICOMwebCredentials.homeNetrcPath
    ) throws(DICOMwebError) -> DICOMwebCredentials? {
        var name = user.flatMap { $0.isEmpty ? nil : $0 } ?? environment[userVariable].flatMap { $0.isEmpty ? nil : $0 }
        var password = environment[passwordVariable].flatMap { $0.isEmpty ? nil : $0 }
        var netrcUsed: String?
        if password == nil {
            let path = netrcPath ?? defaultNetrcPath.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
            if let path {
                netrcUsed = path
                if let entry = try NetrcFile(path: path).entry(host: host),
                    entry.login == nil || name == nil
                        || entry.login == name
                {
                    name = name ?? entry.login
                    password = entry.password
                }
            }
        }
        switch (name, password) {
        case (nil, nil): return nil
        case (let name?, let password?):
            if name.contains(":") { throw .invalidConfiguration(reason: "the user name must not contain ':'") }
            return DICOMwebCredentials(user: name, password: password)
        case (let name?, nil):
            let netrc = netrcUsed.map { "no password for it in \($0)" } ?? "no netrc file"
            throw .invalidConfiguration(
                reason: "no password for user '\(name)' at \(host) (\(passwordVariable) is not set, \(netrc)): set "
                    + "\(passwordVariable) or add 'machine \(host) login \(name) password …' to ~/.netrc "
                    + "(or the file of --netrc-file)")
        case (nil, _):
            throw .invalidConfiguration(
                reason: "\(passwordVariable) is set but no user is given: use --user or \(userVariable)")
        }
    }

    /// `$HOME/.netrc`, or nil without a home folder.
    public static var homeNetrcPath: String? {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home.isEmpty ? nil : (home as NSString).appendingPathComponent(".netrc")
    }
}
