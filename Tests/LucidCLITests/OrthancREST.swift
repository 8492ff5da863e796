import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An Orthanc for the PACS tests of the `lucid` binary: its REST root and credentials, and the
/// few REST calls that check what Lucid reported (`/tools/lookup`, `/instances/{id}/file`,
/// `/statistics`). `fromEnvironment` finds the one `.ci/orthanc start` runs for the test suite;
/// `PrivateOrthanc` starts one a test owns.
struct OrthancREST: Sendable {
    let url: URL
    let user: String
    let password: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `dicomweb+http://127.0.0.1:PORT/dicom-web`, as `--archive` and `--to` take it.
    var target: String { "dicomweb+" + url.appendingPathComponent("dicom-web").absoluteString }

    /// The environment that lets `lucid` log in (the password only ever travels this way).
    var credentials: [String: String] { ["LUCID_DICOMWEB_USER": user, "LUCID_DICOMWEB_PASSWORD": password] }

    /// The suite's Orthanc from `LUCID_ORTHANC_URL`, `LUCID_DICOMWEB_USER` and
    /// `LUCID_DICOMWEB_PASSWORD`, or nil after recording why it is missing: a failure under CI, and
    /// outside CI a message saying how to start Orthanc; never a silent pass.
    static func fromEnvironment(sourceLocation: SourceLocation = #_sourceLocation) -> OrthancREST? {
        let environment = ProcessInfo.processInfo.environment
        if let text = environment["LUCID_ORTHANC_URL"], let url = URL(string: text),
            let user = environment["LUCID_DICOMWEB_USER"], let password = environment["LUCID_DICOMWEB_PASSWORD"]
        {
            return OrthancREST(url: url, user: user, password: password)
        }
        let message =
            environment["CI"] != nil
            ? "LUCID_ORTHANC_URL, LUCID_DICOMWEB_USER or LUCID_DICOMWEB_PASSWORD is missing and CI is set: "
                + "the PACS archive tests did NOT run. .ci/run starts Orthanc with .ci/orthanc."
            : "No Orthanc to test against, so the PACS archive tests did not run (not a pass). "
                + "Start one with: eval \"$(.ci/orthanc start)\"; stop it with: .ci/orthanc stop"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        return nil
    }

    /// `POST /tools/lookup` with a SOP Instance UID: Orthanc's instance ID, or nil when not stored.
    func instanceID(sopInstanceUID: String) throws -> String? {
        let data = try request("tools/lookup", method: "POST", body: Data(sopInstanceUID.utf8))
        let entries = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return entries.first(where: { $0["Type"] as? String == "Instance" })?["ID"] as? String
    }

    /// `GET /instances/{id}/file`: the stored Part 10 bytes.
    func file(instanceID: String) throws -> Data {
        try request("instances/\(instanceID)/file")
    }

    /// `GET /statistics`'s `CountInstances`.
    func instanceCount() throws -> Int {
        let object = try JSONSerialization.jsonObject(with: try request("statistics")) as? [String: Any]
        guard let count = object?["CountInstances"] as? Int else {
            throw Failure(description: "GET /statistics has no CountInstances")
        }
        return count
    }

    /// A blocking request with Basic authentication; a fresh session per call, because Orthanc
    /// closes idle keep-alive connections after 1 s.
    private func request(_ path: String, method: String = "GET", body: Data? = nil) throws -> Data {
        var request = URLRequest(url: url.appendingPathComponent(path))
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 30
        let token = Data("\(user):\(password)".utf8).base64EncodedString()
        request.setValue("Basic \(token)", forHTTPHeaderField: "Authorization")
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let done = DispatchSemaphore(value: 0)
        let reply = Reply()
        session.dataTask(with: request) { data, response, error in
            reply.set(data, (response as? HTTPURLResponse)?.statusCode ?? 0, error)
            done.signal()
        }.resume()
        done.wait()
        let (data, status, error) = reply.get()
        guard status == 200, let data else {
            let detail = error.map { "\($0)" } ?? String(decoding: data ?? Data(), as: UTF8.self)
            throw Failure(description: "\(method) /\(path): HTTP \(status) \(detail)")
        }
        return data
    }

    /// The answer of one request, handed from URLSession's queue to the waiting thread.
    private final class Reply: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (Data?, Int, Error?) = (nil, 0, nil)
        func set(_ data: Data?, _ status: Int, _ error: Error?) {
            lock.lock()
            value = (data, status, error)
            lock.unlock()
        }
        func get() -> (Data?, Int, Error?) {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }
}
