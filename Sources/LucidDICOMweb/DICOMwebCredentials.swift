import Foundation

/// HTTP Basic credentials for a DICOMweb server. The password is never part of `description`.
public struct DICOMwebCredentials: Sendable, Equatable, CustomStringConvertible {
    /// The environment variable holding the user name.
    public static let userVariable = "LUCID_DICOMWEB_USER"
    /// The environment variable holding the password.
    public static let passwordVariable = "LUCID_DICOMWEB_PASSWORD"

    public let user: String
    let password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// Reads `LUCID_DICOMWEB_USER` and `LUCID_DICOMWEB_PASSWORD`. Returns nil when neither is set.
    /// - Throws: `DICOMwebError.invalidConfiguration` when only one of them is set, or the user
    ///   contains a colon (which Basic authentication cannot carry).
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(DICOMwebError) -> DICOMwebCredentials? {
        let user = environment[userVariable].flatMap { $0.isEmpty ? nil : $0 }
        let password = environment[passwordVariable].flatMap { $0.isEmpty ? nil : $0 }
        switch (user, password) {
        case (nil, nil): return nil
        case (let user?, let password?):
            if user.contains(":") {
                throw .invalidConfiguration(reason: "\(userVariable) must not contain ':'")
            }
            return DICOMwebCredentials(user: user, password: password)
        case (nil, _): throw .invalidConfiguration(reason: "\(passwordVariable) is set but \(userVariable) is not")
        case (_, nil): throw .invalidConfiguration(reason: "\(userVariable) is set but \(passwordVariable) is not")
        }
    }

    /// The `Authorization` header value.
    var authorizationHeader: String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    public var description: String { "user '\(user)' (password hidden)" }
}
