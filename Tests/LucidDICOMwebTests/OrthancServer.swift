import Foundation
import Testing

@testable import LucidDICOMweb

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The throw-away Orthanc that `.ci/orthanc start` runs, found through `LUCID_ORTHANC_URL`,
/// `LUCID_DICOMWEB_USER` and `LUCID_DICOMWEB_PASSWORD`, with the few Orthanc REST calls the tests
/// use to check what DICOMweb reported. Without those variables the tests record an issue: a
/// failure under CI, and outside CI a message saying how to start Orthanc; never a silent pass.
struct OrthancServer {
    let url: URL
    let credentials: DICOMwebCredentials

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The server from the environment, or nil after recording why it is missing.
    static func fromEnvironment(sourceLocation: SourceLocation = #_sourceLocation) -> OrthancServer? {
        let environment = ProcessInfo.processInfo.environment
        let credentials = try? DICOMwebCredentials.fromEnvironment(environment)
        if let text = environment["LUCID_ORTHANC_URL"], let url = URL(string: text), let credentials {
            return OrthancServer(url: url, credentials: credentials)
        }
        let message: String
        if environment["CI"] != nil {
            message =
                "LUCID_ORTHANC_URL, LUCID_DICOMWEB_USER or LUCID_DICOMWEB_PASSWORD is missing and CI is set: "
                + "the Orthanc integration tests did NOT run. .ci/run starts Orthanc with .ci/orthanc."
        } else {
            message =
                "No Orthanc to test against, so the DICOMweb integration tests did not run (not a pass). "
                + "Start one with: eval \"$(.ci/orthanc start)\"; stop it with: .ci/orthanc stop"
        }
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        return nil
    }

    /// The DICOMweb root of this server.
    var dicomWebURL: URL { url.appendingPathComponent("dicom-web") }

    func client(password: String? = nil, retryPolicy: RetryPolicy = RetryPolicy()) throws -> DICOMwebClient {
        let used = password.map { DICOMwebCredentials(user: credentials.user, password: $0) } ?? credentials
        return try DICOMwebClient(
            baseURL: dicomWebURL, credentials: used, retryPolicy: retryPolicy,
            limits: RequestLimits(idleTimeout: 30))
    }

    /// `POST /tools/lookup` with a SOP Instance UID: Orthanc's instance ID, or nil when not stored.
    func instanceID(sopInstanceUID: String) async throws -> String? {
        let data = try await request("tools/lookup", method: "POST", body: Data(sopInstanceUID.utf8))
        let entries = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return entries.first(where: { $0["Type"] as? String == "Instance" })?["ID"] as? String
    }

    /// `GET /instances/{id}/file`: the stored Part 10 bytes.
    func file(instanceID: String) async throws -> Data {
        try await request("instances/\(instanceID)/file")
    }

    /// `GET /statistics`'s `CountInstances`.
    func instanceCount() async throws -> Int {
        let data = try await request("statistics")
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard let count = object?["CountInstances"] as? Int else {
            throw Failure(description: "GET /statistics has no CountInstances")
        }
        return count
    }

    private func request(_ path: String, method: String = "GET", body: Data? = nil) async throws -> Data {
        var request = URLRequest(url: url.appendingPathComponent(path))
        request.httpMethod = method
        request.httpBody = body
        let token = Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
        request.setValue("Basic \(token)", forHTTPHeaderField: "Authorization")
        // A fresh session per call: Orthanc closes idle keep-alive connections after 1 s.
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            throw Failure(description: "\(method) /\(path): HTTP \(status) \(String(decoding: data, as: UTF8.self))")
        }
        return data
    }
}
