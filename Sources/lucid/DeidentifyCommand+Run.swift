import Foundation
import LucidBatch
import LucidDICOM
import LucidDeidentify
import LucidFiles

/// What became of one input of `lucid deidentify`.
struct DeidentifyOutcome: Sendable {
    enum Status: String, Sendable {
        case written
        case heldBack = "held-back"
        case failed
        /// Not a DICOM file (found in a folder beside the images): nothing to share.
        case skipped
    }

    let path: String
    let status: Status
    /// The file written, when written.
    let output: String?
    let error: String?
    let mapping: [MappingRow]

    /// `{"path", "status", "output", "error"}`, null for what does not apply.
    var jsonLine: String {
        JSONLine.encode([
            "path": path, "status": status.rawValue, "output": output ?? NSNull(), "error": error ?? NSNull(),
        ])
    }
}

/// Walks the inputs, de-identifies each file on `jobs` threads, writes each output atomically,
/// and returns the outcomes in input order.
struct DeidentifyRun: Sendable {
    let deidentifier: Deidentifier
    let outputFolder: String
    let readLimits: ReadLimits
    let jobs: Int
    /// The outputs written so far, each with the input it came from.
    let claimed = ClaimedOutputs()

    func run(inputs: [String], lines: LineReader?) -> [DeidentifyOutcome] {
        let walker = InputWalker(arguments: inputs, lines: lines, excluding: [outputFolder])
        var found: [InputEvent] = []
        while let event = walker.next() { found.append(event) }
        let events = found
        let results = DeidentifyOutcomes(count: events.count)
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            for index in stride(from: worker, to: events.count, by: jobs) {
                results.set(index, outcome(for: events[index]))
            }
        }
        return results.all
    }

    func outcome(for event: InputEvent) -> DeidentifyOutcome {
        switch event {
        case .unusable(let path, let reason, _):
            return DeidentifyOutcome(path: path, status: .failed, output: nil, error: "\(path): \(reason)", mapping: [])
        case .file(let path):
            return deidentify(path)
        }
    }

    func deidentify(_ path: String) -> DeidentifyOutcome {
        let instance: DeidentifiedInstance
        do {
            let file = try DICOMFile.read(path: path, limits: readLimits)
            instance = try deidentifier.deidentify(file)
        } catch let error as DeidentifyError {
            let heldBack: Bool
            switch error {
            case .burnedInAnnotation, .burnedInUnknown: heldBack = true
            default: heldBack = false
            }
            return DeidentifyOutcome(
                path: path, status: heldBack ? .heldBack : .failed, output: nil, error: error.description, mapping: [])
        } catch let error as DICOMError {
            if case .notDICOM = error {
                return DeidentifyOutcome(path: path, status: .skipped, output: nil, error: nil, mapping: [])
            }
            return DeidentifyOutcome(path: path, status: .failed, output: nil, error: error.description, mapping: [])
        } catch {
            return DeidentifyOutcome(path: path, status: .failed, output: nil, error: "\(error)", mapping: [])
        }
        let output = outputFolder + "/" + instance.relativePath
        if let first = claimed.claim(output, for: path) {
            return DeidentifyOutcome(
                path: path, status: .failed, output: nil,
                error: "\(path): same SOP Instance UID as \(first), whose de-identified copy is \(output); not written",
                mapping: [])
        }
        do {
            try FolderMaker.create((output as NSString).deletingLastPathComponent)
            try AtomicFileWriter.write(instance.bytes, to: output)
        } catch {
            return DeidentifyOutcome(path: path, status: .failed, output: nil, error: "\(error)", mapping: [])
        }
        return DeidentifyOutcome(path: path, status: .written, output: output, error: nil, mapping: instance.mapping)
    }

    /// One `kind<TAB>original<TAB>pseudonym` line per distinct replacement, sorted, mode 600.
    func writeMapping(_ rows: [MappingRow], to path: String) throws {
        let lines = Set(rows.map { "\($0.kind.rawValue)\t\($0.original)\t\($0.pseudonym)" }).sorted()
        let text = "kind\toriginal\tpseudonym\n" + lines.map { $0 + "\n" }.joined()
        try AtomicFileWriter.write(Array(text.utf8), to: path, permissions: 0o600)
    }
}

/// The outcomes, filled in by the worker threads.
final class DeidentifyOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [DeidentifyOutcome?]

    init(count: Int) {
        outcomes = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ outcome: DeidentifyOutcome) {
        lock.lock()
        outcomes[index] = outcome
        lock.unlock()
    }

    var all: [DeidentifyOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return outcomes.compactMap { $0 }
    }
}

/// Output paths already taken in this run: two inputs with one SOP Instance UID would write one
/// file, so the second is refused instead of silently replacing the first.
final class ClaimedOutputs: @unchecked Sendable {
    private let lock = NSLock()
    private var owners: [String: String] = [:]

    /// Nil when `output` is now `input`'s, else the input that claimed it first.
    func claim(_ output: String, for input: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let owner = owners[output] { return owner }
        owners[output] = input
        return nil
    }
}
