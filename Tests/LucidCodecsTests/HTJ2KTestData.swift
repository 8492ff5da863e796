import Foundation
import LucidCodecs
import LucidTestSupport
import Testing

/// Sources, byte views and external tools for the HTJ2K tests.
enum HTJ2KTestData {
    struct ToolFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Random samples in the precision's range (signed ones sign-extended into the container).
    static func random(
        width: Int, height: Int, components: Int = 1, precision: Int, isSigned: Bool = false, seed: UInt64
    ) -> CodestreamSource {
        var generator = SeededGenerator(seed: seed)
        let count = width * height * components
        let low = isSigned ? -(1 << (precision - 1)) : 0
        let high = isSigned ? (1 << (precision - 1)) - 1 : (1 << precision) - 1
        let values = (0..<count).map { _ in Int.random(in: low...high, using: &generator) }
        let samples: SampleBuffer =
            precision <= 8
            ? .uint8(values.map { UInt8(truncatingIfNeeded: $0) })
            : .uint16(values.map { UInt16(truncatingIfNeeded: $0) })
        return CodestreamSource(
            width: width, height: height, components: components, precision: precision, isSigned: isSigned,
            samples: samples)
    }

    /// The samples as little-endian bytes, the manifest's `sha256_le` convention.
    static func littleEndian(_ samples: SampleBuffer) -> [UInt8] {
        switch samples {
        case .uint8(let values): values
        case .uint16(let values): values.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .uint32(let values):
            values.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        }
    }

    /// A fresh folder under the temporary directory, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lucid-htj2k-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A binary PGM (1 component) or PPM (3 components) of the source, 16-bit samples big-endian.
    static func portableAnyMap(_ source: CodestreamSource) -> [UInt8] {
        let magic = source.components == 1 ? "P5" : "P6"
        let header = Array("\(magic)\n\(source.width) \(source.height)\n\((1 << source.precision) - 1)\n".utf8)
        switch source.samples {
        case .uint8(let values): return header + values
        case .uint16(let values): return header + values.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .uint32: return header
        }
    }

    /// Runs `ojph_compress` on the source written as PGM/PPM and returns the codestream, or nil
    /// (with an issue recorded) when the tool is missing.
    static func referenceEncode(_ source: CodestreamSource, options: [String]) throws -> [UInt8]? {
        let tool = ExternalTool.find("ojph_compress")
        guard
            ExternalTool.require(
                tool != nil, tool: "ojph_compress", install: "Install it: apt-get install openjph-tools."),
            let tool
        else { return nil }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent(source.components == 1 ? "image.pgm" : "image.ppm")
        let output = folder.appendingPathComponent("image.j2c")
        try Data(portableAnyMap(source)).write(to: input)
        let result = try ExternalTool.run(tool, ["-i", input.path, "-o", output.path] + options)
        guard result.status == 0 else {
            throw ToolFailure(description: "ojph_compress failed: \(result.standardError)")
        }
        return try [UInt8](Data(contentsOf: output))
    }

    /// The samples pylibjpeg-openjpeg decodes from `codestream`, little-endian, and their NumPy
    /// dtype, or nil (with an issue recorded) when Python or the package is missing.
    static func openJPEGDecode(_ codestream: [UInt8]) throws -> (dtype: String, bytes: [UInt8])? {
        guard let python = try ExternalTool.pythonWithPydicom() else { return nil }
        let hasOpenJPEG = try ExternalTool.run(python, ["-c", "import openjpeg"]).status == 0
        guard
            ExternalTool.require(
                hasOpenJPEG, tool: "pylibjpeg-openjpeg",
                install: "Install it: python3 -m pip install pylibjpeg-openjpeg.")
        else { return nil }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("frame.j2c")
        let output = folder.appendingPathComponent("frame.raw")
        try Data(codestream).write(to: input)
        let script = """
            import sys, openjpeg
            a = openjpeg.decode(open(sys.argv[1], 'rb').read())
            open(sys.argv[2], 'wb').write(a.astype(a.dtype.newbyteorder('<')).tobytes())
            print(a.dtype.name)
            """
        let result = try ExternalTool.run(python, ["-c", script, input.path, output.path])
        guard result.status == 0 else {
            throw ToolFailure(description: "openjpeg.decode failed: \(result.standardError)")
        }
        let dtype = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        return (dtype, try [UInt8](Data(contentsOf: output)))
    }
}
