import Foundation
import LucidDICOM
import LucidTestSupport
import Testing

/// The whole frame 0 of a lossy corpus file as pydicom's decoders give it, for a Lucid decode that
/// equals none of them: the manifest keeps only each decoder's digest (`decode.decoders`), so the
/// frames are decoded again here, kept only when their digest is the manifest's, and compared
/// sample by sample.
enum LossyReferenceFrames {
    /// Decodes frame 0 of FILE with each PLUGIN named, writes OUT/PLUGIN.raw in the manifest's
    /// convention (`pixel_array(raw=True)`, little-endian DTYPE) and prints `PLUGIN SHA256`.
    static let script = """
        import hashlib, sys
        import numpy as np
        from pydicom.pixels import pixel_array
        path, out, dtype = sys.argv[1], sys.argv[2], sys.argv[3]
        for plugin in sys.argv[4:]:
            try:
                frame = pixel_array(path, index=0, raw=True, decoding_plugin=plugin)
            except Exception as error:
                print(plugin, "error", type(error).__name__)
                continue
            data = np.ascontiguousarray(frame.astype(np.dtype(dtype).newbyteorder("<"))).tobytes()
            with open(f"{out}/{plugin}.raw", "wb") as handle:
                handle.write(data)
            print(plugin, hashlib.sha256(data).hexdigest())
        """

    /// Expects every sample of `frame` within `StoredFrameBytes.lossyTolerance` of at least one
    /// reference decoder's frame 0 whose digest is the manifest's; records an issue when no
    /// reference decoder reproduces the manifest.
    static func checkWholeFrame(_ frame: StoredFrame, path: String, entry: [String: Any]) throws {
        guard let python = try ExternalTool.pythonWithPydicom() else { return }
        let decoders = ((entry["decode"] as? [String: Any])?["decoders"] as? [String: String]) ?? [:]
        let stored = try #require(entry["stored_frame0"] as? [String: Any])
        let dtype = try #require(stored["dtype"] as? String)
        let folder = try LucidBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try ExternalTool.run(python, ["-c", script, path, folder, dtype] + decoders.keys.sorted())
        let tolerance = StoredFrameBytes.lossyTolerance(bitsStored: frame.bitsStored)
        var differences: [String: Int] = [:]
        for line in result.standardOutput.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count == 2, decoders[parts[0]] == parts[1] else { continue }
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(parts[0]).raw")))
            differences[parts[0]] = try largestDifference(frame, reference: bytes, dtype: dtype)
        }
        guard !differences.isEmpty else {
            let output = result.standardOutput + result.standardError
            Issue.record("\(path): none of \(decoders.keys.sorted()) reproduced the manifest's frame 0: \(output)")
            return
        }
        #expect(
            differences.values.contains { $0 <= tolerance },
            "\(path): largest difference from each reference decoder \(differences), tolerance \(tolerance)")
    }

    struct UnsupportedDType: Error {
        let dtype: String
    }

    /// The largest |Lucid - reference| over every sample of the frame.
    static func largestDifference(_ frame: StoredFrame, reference: [UInt8], dtype: String) throws -> Int {
        let (width, signed): (Int, Bool) =
            switch dtype {
            case "uint8": (1, false)
            case "int8": (1, true)
            case "uint16": (2, false)
            case "int16": (2, true)
            case "uint32": (4, false)
            case "int32": (4, true)
            default: throw UnsupportedDType(dtype: dtype)
            }
        try #require(reference.count == frame.samples.count * width, "reference of \(reference.count) bytes")
        var largest = 0
        for index in 0..<frame.samples.count {
            var value = 0
            for byte in 0..<width { value |= Int(reference[index * width + byte]) << (8 * byte) }
            if signed, value >> (8 * width - 1) == 1 { value -= 1 << (8 * width) }
            largest = max(largest, abs(frame.storedValue(at: index) - value))
        }
        return largest
    }
}
