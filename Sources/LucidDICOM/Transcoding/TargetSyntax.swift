/// The transfer syntaxes `Transcoder` writes (PS3.5 §10, Annex A): native Explicit VR Little Endian,
/// or lossless compression to JPEG-LS or HTJ2K with one fragment per frame.
public enum TargetSyntax: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Explicit VR Little Endian, 1.2.840.10008.1.2.1: native (uncompressed) Pixel Data.
    case explicitVRLittleEndian = "explicit-le"
    /// JPEG-LS Lossless Image Compression, 1.2.840.10008.1.2.4.80 (PS3.5 A.4.3).
    case jpegLSLossless = "jpeg-ls"
    /// High-Throughput JPEG 2000 Image Compression (Lossless Only), 1.2.840.10008.1.2.4.201 (PS3.5 A.4.6).
    case htj2kLossless = "htj2k"

    /// The name on the command line (`--to`): explicit-le, jpeg-ls or htj2k.
    public var name: String { rawValue }

    public var description: String { "\(rawValue) (\(transferSyntax.name))" }

    /// The transfer syntax written in the File Meta group (0002,0010).
    public var transferSyntax: TransferSyntax {
        switch self {
        case .explicitVRLittleEndian: return .explicitVRLittleEndian
        case .jpegLSLossless: return TransferSyntax(uid: "1.2.840.10008.1.2.4.80")
        case .htj2kLossless: return TransferSyntax(uid: "1.2.840.10008.1.2.4.201")
        }
    }

    /// Whether Pixel Data is encapsulated (PS3.5 A.4) rather than native.
    public var isEncapsulated: Bool { self != .explicitVRLittleEndian }
}
