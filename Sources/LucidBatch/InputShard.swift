import LucidArchive
import LucidFiles

/// `--shard K/N`: one of N disjoint parts of a batch's inputs, so N machines (or the N tasks of a
/// scheduler's array job) can split one set of inputs without talking to each other.
///
/// A file belongs to shard `1 + (h mod N)`, where `h` is the first 8 bytes (big-endian) of the
/// SHA-256 of its path relative to its input root: below a folder argument, the path inside that
/// folder; for a file argument, its name; for a `--files-from` line, the line. The choice depends
/// on nothing else (not the walk order, the machine, the mount point or the run), so re-runs give
/// the same shard and the N shards partition the inputs exactly.
public struct InputShard: Sendable, Equatable, CustomStringConvertible {
    /// The largest N accepted.
    public static let maximumCount = 1_000_000

    /// K, from 1 to `count`.
    public let index: Int
    /// N, at least 1.
    public let count: Int

    /// Parses `K/N` (decimal digits only, 1 <= K <= N <= 1,000,000).
    /// - Throws: `InputShardError` saying what is wrong.
    public init(parsing text: String) throws(InputShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Self.number(parts[0]), let n = Self.number(parts[1]) else {
            throw .syntax(text)
        }
        guard n >= 1, n <= Self.maximumCount, k >= 1, k <= n else { throw .outOfRange(text) }
        self.index = k
        self.count = n
    }

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index), "shard \(index)/\(count) out of range")
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the file whose path relative to its input root is `relativePath` belongs to this shard.
    public func contains(relativePath: String) -> Bool {
        Self.bucket(of: relativePath, count: count) == index - 1
    }

    /// 0 ..< `count`: the first 8 bytes of the SHA-256 of the path, big-endian, modulo `count`.
    static func bucket(of relativePath: String, count: Int) -> Int {
        let digest = SHA256Digest.hex(FileSystemName.bytes(relativePath))
        let value = UInt64(digest.prefix(16), radix: 16) ?? 0
        return Int(value % UInt64(count))
    }

    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 7, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

/// Why a `--shard` value was refused.
public enum InputShardError: Error, Equatable, Sendable, CustomStringConvertible {
    case syntax(String)
    case outOfRange(String)
    /// `--shard auto` could not find or trust the scheduler's numbering.
    case scheduler(String)

    public var description: String {
        switch self {
        case .syntax(let text): return "--shard '\(text)': write K/N with whole numbers, e.g. --shard 2/8"
        case .outOfRange(let text):
            return "--shard '\(text)': K must be between 1 and N, and N between 1 and \(InputShard.maximumCount)"
        case .scheduler(let reason): return "--shard auto: \(reason)"
        }
    }
}
