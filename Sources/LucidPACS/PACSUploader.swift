import Foundation
import LucidDICOMweb
import Synchronization

/// Brings DICOM instances into a PACS over DICOMweb so that nothing is lost and nothing duplicated:
/// 1. asks by QIDO-RS which instances the PACS holds already, and sends none of those;
/// 2. uploads the others by STOW-RS, up to `batchSize` instances (and `maxBatchBytes`) a request,
///    judging every instance on its own (a 400 can be a partial success);
/// 3. confirms every uploaded instance by QIDO-RS, because a PACS may answer success for an
///    instance a filter dropped.
///
/// Retries with backoff are the client's (`RetryPolicy`). A configuration error (401, a wrong
/// URL, TLS) or a PACS that stays unreachable halts the uploader: later pushes fail at once, each
/// saying why, and `whenHalted` handlers run once. Safe to use from several threads at once.
public final class PACSUploader: Sendable {
    /// Most bytes in one STOW-RS request body; a larger instance goes alone.
    public static let maxBatchBytes = 64 << 20

    public let target: PACSTarget
    /// Instances per STOW-RS request, at least 1.
    public let batchSize: Int
    let client: DICOMwebClient
    private let halt = Mutex<PACSHalt?>(nil)
    private let haltHandlers = Mutex<[@Sendable (PACSHalt) -> Void]>([])

    /// - Parameters:
    ///   - limits: the idle timeout, deadline and reply size of each request.
    /// - Throws: `DICOMwebError.invalidConfiguration` for an unusable URL.
    public init(
        target: PACSTarget, credentials: DICOMwebCredentials?, batchSize: Int = 16,
        retryPolicy: RetryPolicy = RetryPolicy(), limits: RequestLimits = RequestLimits()
    ) throws(DICOMwebError) {
        self.target = target
        self.batchSize = max(1, batchSize)
        self.client = try DICOMwebClient(
            baseURL: target.baseURL, credentials: credentials, retryPolicy: retryPolicy, limits: limits)
    }

    /// Gives up the requests in flight and refuses later ones (`DICOMwebClient.cancel()`): the
    /// pushes under way end at once, their unfinished instances failed as interrupted. For a run
    /// that is interrupted; safe from any thread, cannot be undone.
    public func cancel() { client.cancel() }

    /// Whether `cancel()` was called. The failures of a cancelled push say nothing of what the
    /// PACS holds, so they are not worth recording.
    public var isCancelled: Bool { client.isCancelled }

    /// Why pushing stopped, or nil while it goes on.
    public var halted: PACSHalt? { halt.withLock { $0 } }

    /// Calls `handler` once when the uploader halts (at once when it has halted already).
    public func whenHalted(_ handler: @escaping @Sendable (PACSHalt) -> Void) {
        let current = halt.withLock { current -> PACSHalt? in
            if current == nil { haltHandlers.withLock { $0.append(handler) } }
            return current
        }
        if let current { handler(current) }
    }

    /// Halts for `error` when it calls for it; returns the halt in force.
    @discardableResult
    func note(_ error: DICOMwebError) -> PACSHalt? {
        guard let wanted = PACSHalt.forError(error, target: target) else { return halted }
        let (current, first) = halt.withLock { state -> (PACSHalt, Bool) in
            if let state { return (state, false) }
            state = wanted
            return (wanted, true)
        }
        if first { for handler in haltHandlers.withLock({ $0 }) { handler(current) } }
        return current
    }

    /// Checks once, before a run, that the PACS answers with these credentials.
    /// - Returns: the halt this caused, or nil when the PACS answered or the check was cancelled
    ///   (see `isCancelled`).
    public func checkAccess() async -> PACSHalt? {
        do {
            try await client.checkAccess()
            return nil
        } catch {
            if case .cancelled = error { return nil }
            return note(error) ?? .configuration(target, error)
        }
    }

    /// The UIDs among `uids` the PACS holds, or the reason it could not say.
    public func present(_ uids: [String]) async -> Result<Set<String>, DICOMwebError> {
        if let halted { return .failure(Self.haltError(halted)) }
        do {
            return .success(try await client.presentInstances(uids, individually: false))
        } catch {
            note(error)
            return .failure(error)
        }
    }

    /// Pushes `items` (see the type's steps) and returns one result per item, in order. An item
    /// without a SOP Instance UID is not sent: a PACS cannot store it, and it fails saying so.
    public func push(_ items: [PushItem]) async -> [PushResult] {
        guard !items.isEmpty else { return [] }
        var status: [Int: PushResult.Status] = [:]
        for (index, item) in items.enumerated() where item.sopInstanceUID.isEmpty {
            status[index] = .failed("\(item.name): has no SOP Instance UID (0008,0018); a PACS cannot store it")
        }
        let asked = items.map(\.sopInstanceUID).filter { !$0.isEmpty }
        var present: Set<String> = []
        if !asked.isEmpty {
            switch await self.present(asked) {
            case .success(let found): present = found
            case .failure(let error):
                return items.indices.map { index in
                    result(items[index], status[index] ?? .failed(failure(items[index], error)))
                }
            }
        }
        var pending: [(index: Int, part: DICOMwebPart)] = []
        for (index, item) in items.enumerated() where status[index] == nil {
            if present.contains(item.sopInstanceUID) {
                status[index] = .alreadyPresent
                continue
            }
            let part = DICOMwebPart(name: item.name, bytes: item.bytes)
            if let read = part.sopInstanceUID, read != item.sopInstanceUID {
                status[index] = .failed(
                    "\(item.name): holds SOP Instance UID \(read), not \(item.sopInstanceUID) as indexed; not sent")
                continue
            }
            pending.append((index, part))
        }
        var sent: [Int] = []
        for batch in Self.batches(pending.map(\.part), count: batchSize, bytes: Self.maxBatchBytes) {
            let slice = Array(pending[batch])
            if let halted {
                for entry in slice {
                    status[entry.index] = .failed("\(entry.part.name): not pushed: \(halted.shortReason)")
                }
                continue
            }
            do {
                let report = try await client.store(slice.map(\.part))
                let storedNames = Set(report.stored.map(\.file))
                var rejections: [String: String] = [:]
                for rejection in report.rejected {
                    if let file = rejection.file { rejections[file] = rejection.description }
                }
                for entry in slice {
                    if storedNames.contains(entry.part.name) {
                        sent.append(entry.index)
                    } else {
                        status[entry.index] = .failed(
                            rejections[entry.part.name] ?? "\(entry.part.name): not listed as stored by \(target)")
                    }
                }
            } catch {
                note(error)
                for entry in slice { status[entry.index] = .failed(failure(items[entry.index], error)) }
            }
        }
        await confirm(sent, items: items, into: &status)
        return items.indices.map { index in
            result(items[index], status[index] ?? .failed("\(items[index].name): not pushed"))
        }
    }

    /// Step 3: a QIDO-RS query for every instance the PACS said it stored.
    private func confirm(_ sent: [Int], items: [PushItem], into status: inout [Int: PushResult.Status]) async {
        guard !sent.isEmpty else { return }
        do {
            let found = try await client.presentInstances(sent.map { items[$0].sopInstanceUID }, individually: true)
            for index in sent {
                let item = items[index]
                status[index] =
                    found.contains(item.sopInstanceUID)
                    ? .uploaded
                    : .failed(
                        "\(item.name): \(target) answered that it stored SOP Instance \(item.sopInstanceUID), but "
                            + "a QIDO-RS query does not find it (dropped by a filter of the PACS?)")
            }
        } catch {
            note(error)
            for index in sent {
                status[index] = .failed("\(items[index].name): uploaded but not confirmed: \(error)")
            }
        }
    }

    private func result(_ item: PushItem, _ status: PushResult.Status) -> PushResult {
        PushResult(name: item.name, sopInstanceUID: item.sopInstanceUID, status: status)
    }

    private func failure(_ item: PushItem, _ error: DICOMwebError) -> String {
        if let halted { return "\(item.name): not pushed: \(halted.shortReason)" }
        return "\(item.name): not pushed to \(target): \(error)"
    }

    private static func haltError(_ halt: PACSHalt) -> DICOMwebError {
        switch halt {
        case .configuration(_, let error), .unreachable(_, let error): return error
        }
    }

    /// Consecutive ranges of `parts` holding at most `count` parts and `bytes` bytes each (a larger
    /// part alone), as index ranges.
    static func batches(_ parts: [DICOMwebPart], count: Int, bytes: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var size = 0
        for (index, part) in parts.enumerated() {
            if index > start && (index - start >= count || size + part.bytes.count > bytes) {
                ranges.append(start..<index)
                start = index
                size = 0
            }
            size += part.bytes.count
        }
        if start < parts.count { ranges.append(start..<parts.count) }
        return ranges
    }
}

extension DICOMwebError {
    /// The file a `.rejected` error names.
    var file: String? {
        if case .rejected(let file, _, _) = self { return file }
        return nil
    }
}
