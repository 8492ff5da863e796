/// What a file of the archive holds.
public enum FileRole: String, Sendable, CaseIterable {
    /// The source DICOM file, byte for byte.
    case original
    /// The processed image as a derived DICOM file.
    case derived
    /// A PNG or JPEG rendition.
    case rendition
}

/// A file to write into the archive: its place, role, contents and the SOP Instance it holds or depicts.
public struct ArchiveFile: Sendable {
    public var role: FileRole
    /// Relative to the archive root.
    public var path: String
    public let bytes: [UInt8]
    /// The SHA-256 of `bytes`, lowercase hex, computed once (the index and the run manifest record it).
    public let sha256: String
    public var sopInstanceUID: String

    /// - Parameter sha256: the digest of `bytes` when the caller has it already; computed otherwise.
    public init(role: FileRole, path: String, bytes: [UInt8], sha256: String? = nil, sopInstanceUID: String) {
        self.role = role
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256 ?? SHA256Digest.hex(bytes)
        self.sopInstanceUID = sopInstanceUID
    }
}

/// A file as the index records it.
public struct RecordedFile: Sendable, Equatable, Hashable {
    public var role: FileRole
    /// Relative to the archive root.
    public var path: String
    public var size: Int64
    public var sha256: String

    public init(role: FileRole, path: String, size: Int64, sha256: String) {
        self.role = role
        self.path = path
        self.size = size
        self.sha256 = sha256
    }
}
