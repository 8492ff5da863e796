/// A transfer syntax (PS3.5 §10, PS3.6 Annex A): how a data set and its pixels are encoded.
public struct TransferSyntax: Sendable, Hashable, CustomStringConvertible {
    /// How the Pixel Data of this syntax is encoded.
    public enum PixelEncoding: Sendable, Hashable {
        /// Native (uncompressed) pixel data.
        case native
        /// RLE Lossless, PS3.5 Annex G.
        case rle
        /// JPEG Baseline / Extended: 8-bit through libjpeg, 12-bit through `JPEGExtendedDecoder`.
        case jpegProcess1or2
        /// JPEG Lossless, Non-Hierarchical (Process 14), ITU-T T.81 Annex H.
        case jpegLossless
        /// JPEG-LS lossless and near-lossless, ITU-T T.87 (PS3.5 A.4.3).
        case jpegLS
        /// JPEG 2000 Part 1 and Part 2, ISO/IEC 15444-1/-2 (PS3.5 A.4.4).
        case jpeg2000
        /// High-Throughput JPEG 2000, ISO/IEC 15444-15 (PS3.5 A.4.6).
        case htj2k
        /// An encapsulated syntax Lucid does not decode (MPEG-2, H.264, HEVC video, unknown UIDs).
        case unsupported
    }

    public let uid: String
    /// The name PS3.6 gives the syntax, or "unknown transfer syntax".
    public let name: String
    public let isExplicitVR: Bool
    public let isBigEndian: Bool
    /// Deflated Explicit VR Little Endian: the data set after the File Meta group is raw deflate.
    public let isDeflated: Bool
    public let pixelEncoding: PixelEncoding

    public var description: String { "\(uid) (\(name))" }

    public static let implicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2", name: "Implicit VR Little Endian", isExplicitVR: false)
    public static let explicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1", name: "Explicit VR Little Endian")
    public static let explicitVRBigEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.2", name: "Explicit VR Big Endian", isBigEndian: true)
    public static let deflatedExplicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1.99", name: "Deflated Explicit VR Little Endian", isDeflated: true)

    init(
        uid: String, name: String, isExplicitVR: Bool = true, isBigEndian: Bool = false, isDeflated: Bool = false,
        pixelEncoding: PixelEncoding = .native
    ) {
        self.uid = uid
        self.name = name
        self.isExplicitVR = isExplicitVR
        self.isBigEndian = isBigEndian
        self.isDeflated = isDeflated
        self.pixelEncoding = pixelEncoding
    }

    /// The syntax for a UID. Unknown UIDs are taken as an encapsulated Explicit VR Little Endian
    /// syntax whose pixels Lucid cannot decode (PS3.5 §10: every syntax but the three native ones
    /// and deflate encodes the data set as Explicit VR Little Endian).
    public init(uid rawUID: String) {
        let uid = rawUID.trimmingDICOMPadding()
        if let known = TransferSyntax.known[uid] {
            self = known
        } else {
            self.init(uid: uid, name: "unknown transfer syntax", pixelEncoding: .unsupported)
        }
    }

    /// Whether the uid is one the standard defines (or Lucid otherwise recognises).
    public var isKnown: Bool { TransferSyntax.known[uid] != nil }

    private static let known: [String: TransferSyntax] = {
        let encapsulated: [(String, String, PixelEncoding)] = [
            ("1.2.840.10008.1.2.5", "RLE Lossless", .rle),
            ("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", .jpegProcess1or2),
            ("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", .jpegProcess1or2),
            ("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", .jpegLossless),
            (
                "1.2.840.10008.1.2.4.70",
                "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])",
                .jpegLossless
            ),
            ("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", .jpegLS),
            ("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", .jpegLS),
            ("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", .jpeg2000),
            ("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", .jpeg2000),
            (
                "1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)",
                .jpeg2000
            ),
            ("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression", .jpeg2000),
            ("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)", .htj2k),
            (
                "1.2.840.10008.1.2.4.202",
                "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)", .htj2k
            ),
            ("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression", .htj2k),
            ("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", .unsupported),
            ("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile / High Level", .unsupported),
            ("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1", .unsupported),
            ("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1", .unsupported),
            ("1.2.840.10008.1.2.4.104", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video", .unsupported),
            ("1.2.840.10008.1.2.4.105", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video", .unsupported),
            ("1.2.840.10008.1.2.4.106", "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2", .unsupported),
            ("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1", .unsupported),
            ("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile / Level 5.1", .unsupported),
        ]
        var table: [String: TransferSyntax] = [:]
        for syntax in [
            implicitVRLittleEndian, explicitVRLittleEndian, explicitVRBigEndian, deflatedExplicitVRLittleEndian,
        ] {
            table[syntax.uid] = syntax
        }
        for (uid, name, encoding) in encapsulated {
            table[uid] = TransferSyntax(uid: uid, name: name, pixelEncoding: encoding)
        }
        return table
    }()
}

extension String {
    /// Removes the trailing NUL and leading/trailing spaces that pad DICOM values (PS3.5 §6.2).
    func trimmingDICOMPadding() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last == "\0" || last == " " { scalars.removeLast() }
        while let first = scalars.first, first == " " || first == "\0" { scalars.removeFirst() }
        return String(scalars)
    }
}
