/// Hand-made PNG building blocks, written independently of libpng for tests.
enum PNGBytes {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A chunk: big-endian length, type, data, CRC-32 of type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian32(UInt32(data.count)) + typeBytes + data + bigEndian32(crc32(typeBytes + data))
    }

    static func ihdr(width: UInt32, height: UInt32, bitDepth: UInt8, colorType: UInt8) -> [UInt8] {
        chunk("IHDR", bigEndian32(width) + bigEndian32(height) + [bitDepth, colorType, 0, 0, 0])
    }

    /// A complete PNG from IHDR fields and raw (already filtered) scanline bytes.
    static func file(
        width: UInt32, height: UInt32, bitDepth: UInt8, colorType: UInt8, scanlines: [UInt8]
    ) -> [UInt8] {
        signature + ihdr(width: width, height: height, bitDepth: bitDepth, colorType: colorType)
            + chunk("IDAT", zlibStored(scanlines)) + chunk("IEND", [])
    }

    /// The chunks of a PNG file as (type, data), stopping at the first malformed chunk.
    static func chunks(of file: [UInt8]) -> [(type: String, data: [UInt8])] {
        var result: [(type: String, data: [UInt8])] = []
        var offset = signature.count
        while offset + 12 <= file.count {
            let length = Int(readBigEndian32(file, at: offset))
            let type = String(decoding: file[(offset + 4)..<(offset + 8)], as: UTF8.self)
            guard offset + 12 + length <= file.count else { break }
            result.append((type, Array(file[(offset + 8)..<(offset + 8 + length)])))
            offset += 12 + length
        }
        return result
    }

    /// A zlib stream holding `data` in stored (uncompressed) deflate blocks.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let isLast: UInt8 = offset + count == data.count ? 1 : 0
            let length = UInt16(count)
            out += [
                isLast, UInt8(length & 0xFF), UInt8(length >> 8),
                UInt8(~length & 0xFF), UInt8(~length >> 8),
            ]
            out += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        return out + bigEndian32(adler32(data))
    }

    static func bigEndian32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    static func readBigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }
}
