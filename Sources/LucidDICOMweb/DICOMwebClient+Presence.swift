import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension DICOMwebClient {
    /// The most SOP Instance UIDs asked in one QIDO-RS list query: 50 UIDs of up to 64 characters
    /// keep the URL near 3 kB, below the 8 kB that common HTTP servers accept.
    public static let uidsPerQuery = 50

    /// Which of `uids` the server holds, by QIDO-RS `GET {base}/instances?SOPInstanceUID=a,b,…`:
    /// UID list matching (PS3.18 §8.3.4.1, PS3.4 §C.2.2.2.2), up to `uidsPerQuery` UIDs a request.
    /// - Parameter individually: true to ask again, one UID a request, for each UID a list query
    ///   did not find, so a server without list matching is never taken to have dropped an instance.
    /// - Throws: as `findInstances(sopInstanceUID:)`.
    public func presentInstances(_ uids: [String], individually: Bool) async throws(DICOMwebError) -> Set<String> {
        var found: Set<String> = []
        var start = 0
        while start < uids.count {
            let chunk = Array(uids[start..<min(uids.count, start + Self.uidsPerQuery)])
            start += chunk.count
            if chunk.count == 1 {
                let matches = try await findInstances(sopInstanceUID: chunk[0])
                found.formUnion(matches.map(\.sopInstanceUID).filter { $0 == chunk[0] })
                continue
            }
            let matches = try await findInstances(sopInstanceUIDs: chunk)
            found.formUnion(Set(matches.map(\.sopInstanceUID)).intersection(chunk))
        }
        if individually {
            for uid in uids where !found.contains(uid) {
                if try await findInstances(sopInstanceUID: uid).contains(where: { $0.sopInstanceUID == uid }) {
                    found.insert(uid)
                }
            }
        }
        return found
    }

    /// QIDO-RS `GET {base}/instances?SOPInstanceUID=a,b,…&limit=N` for several UIDs at once (no
    /// `limit` for a single UID).
    func findInstances(sopInstanceUIDs uids: [String]) async throws(DICOMwebError) -> [QIDOInstance] {
        var components = URLComponents(url: baseURL.appendingPathComponent("instances"), resolvingAgainstBaseURL: false)
        // One UID needs no limit; for a list, the limit keeps the server from truncating the answer
        // at its default page size.
        components?.queryItems =
            [URLQueryItem(name: "SOPInstanceUID", value: uids.joined(separator: ","))]
            + (uids.count > 1 ? [URLQueryItem(name: "limit", value: String(uids.count))] : [])
        guard let url = components?.url else {
            throw .invalidConfiguration(reason: "cannot build a QIDO-RS URL for \(uids.count) SOP Instance UIDs")
        }
        var request = URLRequest(url: url)
        request.setValue("application/dicom+json", forHTTPHeaderField: "Accept")
        let (data, response) = try await send(request)
        switch response.statusCode {
        case 200: return try QIDOInstance.parse(json: data, url: url.absoluteString)
        case 204: return []
        default:
            throw .unexpectedStatus(url: url.absoluteString, status: response.statusCode, body: Self.excerpt(data))
        }
    }

    /// Checks that the server answers DICOMweb queries with these credentials: QIDO-RS
    /// `GET {base}/studies?limit=1`.
    /// - Throws: `.authenticationFailed` for a 401, `.unexpectedStatus` for another refusal (a wrong
    ///   URL gives 404), `.retriesExhausted` when the server cannot be reached.
    public func checkAccess() async throws(DICOMwebError) {
        var components = URLComponents(url: baseURL.appendingPathComponent("studies"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "limit", value: "1")]
        guard let url = components?.url else {
            throw .invalidConfiguration(reason: "cannot build a QIDO-RS URL from \(baseURL.absoluteString)")
        }
        var request = URLRequest(url: url)
        request.setValue("application/dicom+json", forHTTPHeaderField: "Accept")
        let (data, response) = try await send(request)
        guard response.statusCode == 200 || response.statusCode == 204 else {
            throw .unexpectedStatus(url: url.absoluteString, status: response.statusCode, body: Self.excerpt(data))
        }
    }
}
