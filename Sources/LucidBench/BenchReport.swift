import LucidCodecs
import LucidPNG

/// The result of one `lucid bench` run, as a JSON line or a readable line.
package struct BenchReport: Sendable {
    /// Operation name (`window`, `gaussian`, ...).
    package let operation: String
    /// Image size in pixels.
    package let width: Int
    package let height: Int
    /// Threads the operation was asked to use.
    package let threads: Int
    /// The timed runs.
    package let timing: BenchTiming
    /// The parameters the operation ran with, defaults included, `bits` first.
    package let parameters: [BenchParameter]

    package init(
        operation: String, width: Int, height: Int, threads: Int, timing: BenchTiming, parameters: [BenchParameter]
    ) {
        self.operation = operation
        self.width = width
        self.height = height
        self.threads = threads
        self.timing = timing
        self.parameters = parameters
    }

    /// One JSON object on one line, keys in this order: `op`, `width`, `height`, `threads`, `repeat`
    /// (timed runs), `median_s`, `min_s` (seconds), `mp_per_s` (megapixels per second of the fastest
    /// run) and `params` (an object of the parameters, numbers as JSON numbers).
    package var jsonLine: String {
        let params = parameters.map { "\(Self.quoted($0.name)):\(Self.json($0.value))" }.joined(separator: ",")
        let fields = [
            "\"op\":\(Self.quoted(operation))", "\"width\":\(width)", "\"height\":\(height)",
            "\"threads\":\(threads)", "\"repeat\":\(timing.seconds.count)",
            "\"median_s\":\(timing.medianSeconds)", "\"min_s\":\(timing.minimumSeconds)",
            "\"mp_per_s\":\(timing.megapixelsPerSecond)", "\"params\":{\(params)}",
        ]
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// A readable line, e.g.
    /// `window 2048x2500, 2 threads, 10 runs: median 1.52 ms, min 1.40 ms, 3657.1 MP/s (bits=12 center=2048 ...)`.
    package var text: String {
        let params = parameters.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
        return "\(operation) \(width)x\(height), \(threads) thread\(threads == 1 ? "" : "s"), "
            + "\(timing.seconds.count) run\(timing.seconds.count == 1 ? "" : "s"): "
            + "median \(Self.milliseconds(timing.medianSeconds)), min \(Self.milliseconds(timing.minimumSeconds)), "
            + "\(Self.rounded(timing.megapixelsPerSecond)) MP/s (\(params))"
    }

    static func milliseconds(_ seconds: Double) -> String {
        "\(Double((seconds * 1e5).rounded()) / 100) ms"
    }

    /// One decimal place from 100 up, three below: enough for MP/s figures that vary by several
    /// percent between runs, without hiding slow operations' figures (0.75 MP/s).
    static func rounded(_ value: Double) -> Double {
        let scale = value >= 100 ? 10.0 : 1000.0
        return (value * scale).rounded() / scale
    }

    static func json(_ value: BenchValue) -> String {
        switch value {
        case .integer(let number): return String(number)
        case .number(let number): return number.isFinite ? "\(number)" : "null"
        case .text(let text): return quoted(text)
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension BenchOutput {
    /// The output as a PNG file: 8-bit for windowing, 16-bit for the filters.
    package func pngBytes() throws(CodecError) -> [UInt8] {
        switch self {
        case .gray8(let image): return try PNGCodec.encode(image)
        case .gray16(let image): return try PNGCodec.encode(image)
        }
    }

    /// Width and height of the output image.
    package var size: (width: Int, height: Int) {
        switch self {
        case .gray8(let image): return (image.width, image.height)
        case .gray16(let image): return (image.width, image.height)
        }
    }
}
