import CZlib
import Foundation

/// A small reader of the reference renderings (`expected/*.png`): 8-bit grayscale or RGB,
/// non-interlaced PNG, all five row filters (PNG specification §9). Independent of Lucid's own
/// PNG code, so that the colour renderings are compared with what the reference tool wrote.
public struct ReferencePNG: Sendable {
    public let width: Int
    public let height: Int
    /// 1 (grayscale) or 3 (RGB).
    public let channels: Int
    /// `width * height * channels` samples, interleaved.
    public let samples: [UInt8]

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read \(path)")
        }
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes[0..<8] == [137, 80, 78, 71, 13, 10, 26, 10] else {
            throw Failure(description: "\(path) is not a PNG")
        }
        var position = 8
        var header: [UInt8] = []
        var compressed: [UInt8] = []
        while position + 8 <= bytes.count {
            let length = bytes[position..<(position + 4)].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[(position + 4)..<(position + 8)], as: UTF8.self)
            let body = Array(bytes[(position + 8)..<min(bytes.count, position + 8 + length)])
            if type == "IHDR" { header = body }
            if type == "IDAT" { compressed += body }
            position += 12 + length
        }
        guard header.count == 13 else { throw Failure(description: "\(path) has no IHDR") }
        let width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }
        let height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        guard header[8] == 8, header[9] == 0 || header[9] == 2, header[12] == 0 else {
            throw Failure(description: "\(path): depth \(header[8]) colour type \(header[9]) is not 8-bit grey or RGB")
        }
        let channels = header[9] == 2 ? 3 : 1
        let stride = width * channels
        let raw = try Self.inflate(compressed, expected: height * (stride + 1))
        var samples = [UInt8](repeating: 0, count: height * stride)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            for column in 0..<stride {
                let value = raw[row * (stride + 1) + 1 + column]
                let left = column >= channels ? Int(samples[row * stride + column - channels]) : 0
                let up = row > 0 ? Int(samples[(row - 1) * stride + column]) : 0
                let upLeft = row > 0 && column >= channels ? Int(samples[(row - 1) * stride + column - channels]) : 0
                let predictor: Int
                switch filter {
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4:
                    let estimate = left + up - upLeft
                    let (a, b, c) = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
                    predictor = a <= b && a <= c ? left : (b <= c ? up : upLeft)
                default: predictor = 0
                }
                samples[row * stride + column] = UInt8(truncatingIfNeeded: Int(value) + predictor)
            }
        }
        self.width = width
        self.height = height
        self.channels = channels
        self.samples = samples
    }

    private static func inflate(_ compressed: [UInt8], expected: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: expected)
        var length = uLongf(expected)
        let status = compressed.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                uncompress(out.baseAddress, &length, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, Int(length) == expected else {
            throw Failure(description: "the image data does not inflate to \(expected) bytes (zlib \(status))")
        }
        return output
    }
}
