import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Side by side with Orthanc's `/instances/{id}/anonymize` (its PS3.15 profile, 2021b in Debian's
/// build): on both sample sets, no top-level text attribute whose value Orthanc removes or replaces
/// keeps its original value in Lucid's output, and no top-level sequence Orthanc removes keeps its
/// items. (What Lucid removes and Orthanc keeps is listed in the README, "Sharing outside the
/// hospital".)
@Suite(.serialized) struct DeidentifyOrthancTests {
    @Test func lucidKeepsNoValueOrthancRemoves() throws {
        guard let orthanc = try PrivateOrthanc.start() else { return }
        defer { orthanc.stop() }
        let (folder, key) = try DeidentifyCommandTests.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let doses = SampleCorpus.packageRoot + "/../shared/dose-samples"
        let run = try LucidBinary.run([
            "deidentify", SampleCorpus.directory, doses, "--out", folder + "/out", "--key-file", key, "--json",
            "--assume-no-burned-in",
        ])
        var compared = 0
        for line in try DeidentifyCommandTests.jsonLines(run.outputText) {
            guard let input = line["path"] as? String, let output = line["output"] as? String else { continue }
            let original = try DICOMFile.read(path: input)
            guard let bytes = FileManager.default.contents(atPath: input) else { continue }
            let anonymized = try Self.anonymize(bytes, with: orthanc.rest)
            let theirs = try DICOMFile(bytes: Array(anonymized), source: "orthanc").dataSet
            let ours = try DICOMFile.read(path: output).dataSet
            for element in original.dataSet.elements where element.tag.group > 0x0002 && !element.tag.isPrivate {
                let tag = element.tag
                if let items = element.items {
                    if !items.isEmpty, theirs[tag] == nil {
                        #expect((ours.sequence(tag) ?? []).isEmpty, "\(input): \(tag.described) keeps its items")
                    }
                    continue
                }
                guard case .text(let values) = original.dataSet.value(of: element), !values.isEmpty else { continue }
                let orthancKept = theirs[tag].map { Self.texts(theirs, $0) == values } ?? false
                let lucidKept = ours[tag].map { Self.texts(ours, $0) == values } ?? false
                #expect(orthancKept || !lucidKept, "\(input): \(tag.described) keeps \(values)")
            }
            compared += 1
        }
        #expect(compared >= 50, "files compared: \(compared)")
    }

    static func texts(_ dataSet: DataSet, _ element: DataElement) -> [String] {
        if case .text(let values) = dataSet.value(of: element) { return values }
        return []
    }

    /// Uploads the file and returns `POST /instances/{id}/anonymize` with Orthanc's defaults.
    static func anonymize(_ file: Data, with rest: OrthancREST) throws -> Data {
        let stored = try request(rest, "instances", body: file)
        let object = try JSONSerialization.jsonObject(with: stored) as? [String: Any]
        let id = try #require(object?["ID"] as? String)
        return try request(rest, "instances/\(id)/anonymize", body: Data("{}".utf8))
    }

    static func request(_ rest: OrthancREST, _ path: String, body: Data) throws -> Data {
        var request = URLRequest(url: rest.url.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.httpBody = body
        request.timeoutInterval = 30
        let token = Data("\(rest.user):\(rest.password)".utf8).base64EncodedString()
        request.setValue("Basic \(token)", forHTTPHeaderField: "Authorization")
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let done = DispatchSemaphore(value: 0)
        let reply = Reply()
        session.dataTask(with: request) { data, response, _ in
            reply.set(data, (response as? HTTPURLResponse)?.statusCode ?? 0)
            done.signal()
        }.resume()
        done.wait()
        let (data, status) = reply.get()
        guard status == 200, let data else {
            throw PrivateOrthanc.Failure(description: "POST /\(path): HTTP \(status)")
        }
        return data
    }

    final class Reply: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (Data?, Int) = (nil, 0)
        func set(_ data: Data?, _ status: Int) {
            lock.lock()
            value = (data, status)
            lock.unlock()
        }
        func get() -> (Data?, Int) {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }
}
