import Foundation
import LucidCodecs
import LucidImaging
import LucidPNG
import LucidTestSupport
import Testing

/// The three compressions write standard PNG of the same samples; `fast` (literal-only Huffman deflate, Lucid's own
/// chunk writer) stays within a fifth of zlib level 1's size, `small` is no larger than it.
@Suite struct PNGCompressionTests {
    static let choices: [PNGCompression] = [.fast, .small, .zlib(level: 1)]

    /// A 512 x 640 8-bit rendering of the phantom (12 bits shifted down), radiograph-like content.
    static var rendered: GrayImage<UInt8> {
        let phantom = SyntheticImage.phantom(width: 512, height: 640, bits: 12, seed: 7)
        return GrayImage(width: 512, height: 640, pixels: phantom.pixels.map { UInt8($0 >> 4) })
    }

    @Test("Every compression round-trips 8- and 16-bit samples and keeps the text chunks", arguments: choices)
    func roundTrip(compression: PNGCompression) throws {
        let chunks = [
            PNGTextChunk(keyword: "Source", text: "a.dcm"), PNGTextChunk(keyword: "Window", text: "40/400 é"),
        ]
        let image8 = Self.rendered
        let decoded8 = try PNGCodec.decode(PNGCodec.encode(image8, textChunks: chunks, compression: compression))
        #expect(decoded8.image == .gray8(image8))
        #expect(decoded8.textChunks == chunks)
        for size in TestImages.oddSizes {
            let image16 = TestImages.random(UInt16.self, width: size.width, height: size.height, seed: 5)
            let decoded16 = try PNGCodec.decode(PNGCodec.encode(image16, compression: compression))
            #expect(decoded16.image == .gray16(image16), "\(compression) \(size)")
        }
    }

    @Test("fast is within 20 % of zlib level 1's size on a radiograph-like rendering; small is no larger")
    func sizes() throws {
        let image = Self.rendered
        let zlib = try PNGCodec.encode(image, compression: .zlib(level: 1)).count
        let fast = try PNGCodec.encode(image, compression: .fast).count
        let small = try PNGCodec.encode(image, compression: .small).count
        #expect(Double(fast) <= Double(zlib) * 1.20, "fast \(fast) bytes, zlib level 1 \(zlib)")
        #expect(small <= zlib, "small \(small) bytes, zlib level 1 \(zlib)")
    }

    @Test("fast PNG chunks: signature, IHDR first, text before IDAT, IDAT of at most 1 MiB each, IEND last")
    func chunkLayout() throws {
        let image = TestImages.random(UInt16.self, width: 1200, height: 700, seed: 9)
        let bytes = try PNGCodec.encode(
            image, textChunks: [PNGTextChunk(keyword: "Source", text: "x")], compression: .fast)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var offset = 8
        var types: [String] = []
        while offset + 12 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            types.append(String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self))
            #expect(types.last != "IDAT" || length <= 1 << 20)
            offset += 12 + length
        }
        #expect(offset == bytes.count)
        #expect(types.first == "IHDR" && types.last == "IEND" && types[1] == "tEXt")
        #expect(types.filter { $0 == "IDAT" }.count >= 2, "\(types)")
    }

    @Test("Pillow decodes fast and small PNGs (gray 8/16, RGB 8/16) to the samples written")
    func pillow() throws {
        let python = ExternalTool.find("python3")
        let hasPillow = try python.map { try ExternalTool.run($0, ["-c", "import PIL, numpy"]).status == 0 } ?? false
        guard
            ExternalTool.require(
                hasPillow, tool: "python3 with Pillow and numpy",
                install: "Install them: python3 -m pip install pillow numpy."),
            let python
        else { return }
        let folder = try LucidBinary.temporaryFolder()
        let gray8 = Self.rendered
        let gray16 = TestImages.random(UInt16.self, width: 33, height: 17, seed: 1)
        let color8 = ColorImage<UInt8>(width: 7, height: 5, samples: (0..<105).map { UInt8(($0 * 37) & 0xFF) })
        let color16 = ColorImage<UInt16>(width: 7, height: 5, samples: (0..<105).map { UInt16(($0 * 4099) & 0xFFFF) })
        var expected: [String] = []
        for compression in [PNGCompression.fast, .small] {
            let files: [(String, [UInt8], [Int])] = [
                ("g8", try PNGCodec.encode(gray8, compression: compression), gray8.pixels.map(Int.init)),
                ("g16", try PNGCodec.encode(gray16, compression: compression), gray16.pixels.map(Int.init)),
                ("c8", try PNGCodec.encode(color8, compression: compression), color8.samples.map(Int.init)),
                ("c16", try PNGCodec.encode(color16, compression: compression), color16.samples.map(Int.init)),
            ]
            for (name, bytes, samples) in files {
                let path = folder + "/\(compression)-\(name).png"
                #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
                expected.append("\(path) \(samples.reduce(0) { ($0 &* 31 &+ $1) & 0xFFFF_FFFF })")
            }
        }
        // Pillow opens 16-bit RGB as 8-bit RGB, so those files are checked by a plain reader
        // (chunks, zlib, the five filters of PNG §9), which also reads every other file.
        let script = """
            import struct, sys, zlib, numpy
            from PIL import Image
            def plain(path):
                data = open(path, 'rb').read()
                offset, idat = 8, b''
                while offset < len(data):
                    length, kind = struct.unpack('>I4s', data[offset:offset + 8])
                    body = data[offset + 8:offset + 8 + length]
                    if kind == b'IHDR': width, height, depth, colour = struct.unpack('>IIBB', body[:10])
                    if kind == b'IDAT': idat += body
                    offset += 12 + length
                raw = zlib.decompress(idat)
                bpp = (3 if colour == 2 else 1) * depth // 8
                stride, rows, previous = width * bpp, [], bytearray(width * bpp)
                for y in range(height):
                    kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
                    for i in range(stride):
                        a = line[i - bpp] if i >= bpp else 0
                        b, c = previous[i], previous[i - bpp] if i >= bpp else 0
                        if kind == 1: line[i] = (line[i] + a) & 255
                        elif kind == 2: line[i] = (line[i] + b) & 255
                        elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
                        elif kind == 4:
                            p = a + b - c
                            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                    rows.append(bytes(line))
                    previous = line
                return numpy.frombuffer(b''.join(rows), dtype='>u2' if depth == 16 else 'u1')
            def digest(array):
                value = 0
                for sample in array.reshape(-1).tolist():
                    value = (value * 31 + int(sample)) & 0xFFFFFFFF
                return value
            for path in sys.argv[1:]:
                image = Image.open(path)
                image.load()
                pillow = 'pillow-skipped' if image.mode == 'RGB' and path.endswith('c16.png') else digest(numpy.asarray(image))
                print(path, digest(plain(path)), pillow)
            """
        let paths = expected.map { String($0.split(separator: " ")[0]) }
        let result = try ExternalTool.run(python, ["-c", script] + paths)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.map { "\($0[0]) \($0[1])" } == expected, "the plain reader")
        for (line, want) in zip(lines, expected) where line[2] != "pillow-skipped" {
            #expect("\(line[0]) \(line[2])" == want, "Pillow")
        }
    }
}
