/// Where a file's File Meta Information and data set start (PS3.10 §7.1), and what to infer when
/// the file has no preamble or no File Meta (ACR-NEMA style).
enum Part10Layout {
    enum Start {
        /// File Meta group at this offset; `preamble` when the 128-byte preamble and `DICM` precede it.
        case fileMeta(offset: Int, preamble: Bool)
        /// No File Meta: the data set starts at byte 0 in this (inferred) syntax.
        case dataSet(TransferSyntax)
        case none(String)
    }

    static let magic: [UInt8] = Array("DICM".utf8)

    /// Where the file starts, from its first bytes `bytes` (the first 132 suffice) and its whole
    /// size `fileSize`, bytes. A file without preamble and `DICM` must start with a plausible
    /// element: an even group up to 7FE0 with a known explicit VR, or an implicit VR element of
    /// group 0002 or 0008; either way its length must fit the file.
    static func detect(_ bytes: [UInt8], fileSize: Int) -> Start {
        if bytes.count >= 132 && Array(bytes[128..<132]) == magic { return .fileMeta(offset: 132, preamble: true) }
        if bytes.count >= 4 && Array(bytes[0..<4]) == magic { return .fileMeta(offset: 4, preamble: false) }
        guard bytes.count >= 8 else {
            return .none("only \(bytes.count) bytes, too short for a DICOM data set")
        }
        let group = littleEndian16(bytes, 0)
        if group == 0x0002 && ValueRepresentation(byte0: bytes[4], byte1: bytes[5]) != nil {
            return .fileMeta(offset: 0, preamble: false)
        }
        guard group & 1 == 0, group >= 0x0002, group <= 0x7FE0 else {
            return .none("no 'DICM' at byte 128 and the first bytes are not a DICOM data element")
        }
        if let vr = ValueRepresentation(byte0: bytes[4], byte1: bytes[5]) {
            let length = vr.hasLongExplicitLength ? 0 : Int(littleEndian16(bytes, 6))
            if length <= fileSize - 8 { return .dataSet(.explicitVRLittleEndian) }
        }
        // Without a VR any four bytes read as a length, so an implicit first element must also be
        // in a group a data set starts with: File Meta (0002) or Identifying (0008), as in
        // ACR-NEMA files. Text and other files then fail here, on their first 8 bytes.
        guard group == 0x0002 || group == 0x0008 else {
            return .none("no 'DICM' at byte 128 and the first bytes are not a DICOM data element")
        }
        let implicitLength = Int(littleEndian32(bytes, 4))
        guard implicitLength <= fileSize - 8 || implicitLength == 0xFFFF_FFFF else {
            return .none("no 'DICM' at byte 128 and the first element's length does not fit the file")
        }
        return .dataSet(.implicitVRLittleEndian)
    }

    /// The offset just past the File Meta group that starts at `offset` (elements of group 0002,
    /// always Explicit VR Little Endian).
    static func endOfFileMeta(_ bytes: [UInt8], from offset: Int) -> Int {
        var position = offset
        while bytes.count - position >= 8, littleEndian16(bytes, position) == 0x0002 {
            guard let vr = ValueRepresentation(byte0: bytes[position + 4], byte1: bytes[position + 5]) else { break }
            let next: Int
            if vr.hasLongExplicitLength {
                guard bytes.count - position >= 12 else { break }
                next = position + 12 + Int(littleEndian32(bytes, position + 8))
            } else {
                next = position + 8 + Int(littleEndian16(bytes, position + 6))
            }
            guard next <= bytes.count else { return bytes.count }
            position = next
        }
        return position
    }

    /// Explicit VR Little Endian when the element at `offset` carries a VR, else Implicit VR Little Endian.
    static func inferSyntax(_ bytes: [UInt8], at offset: Int) -> TransferSyntax {
        if bytes.count - offset >= 8, ValueRepresentation(byte0: bytes[offset + 4], byte1: bytes[offset + 5]) != nil {
            return .explicitVRLittleEndian
        }
        return .implicitVRLittleEndian
    }

    static func littleEndian16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func littleEndian32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(littleEndian16(bytes, offset)) | UInt32(littleEndian16(bytes, offset + 2)) << 16
    }
}
