import Foundation
import LucidCodecs
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Multi-frame encapsulated Pixel Data with an empty Basic Offset Table, no Extended Offset Table
/// and several fragments per frame (PS3.5 A.4): the frames are found where a fragment starts with
/// the codestream's start marker, SOI (FFD8) for JPEG, SOC (FF4F) for JPEG 2000.
@Suite struct StartMarkerFramesTests {
    /// A 16 x 16 8-bit grayscale frame: a ramp across, offset by `level`.
    static func gray(level: Int) -> [UInt8] {
        (0..<256).map { UInt8(truncatingIfNeeded: level + 3 * ($0 % 16) + ($0 / 16)) }
    }

    /// `codestream` cut into three fragments at even offsets; none but the first starts with FF `marker`.
    static func fragments(_ codestream: [UInt8], marker: UInt8) throws -> [[UInt8]] {
        let third = codestream.count / 6 * 2
        let parts = [
            Array(codestream[..<third]), Array(codestream[third..<(2 * third)]), Array(codestream[(2 * third)...]),
        ]
        for part in parts.dropFirst() { try #require(!(part.starts(with: [0xFF, marker]))) }
        return parts
    }

    /// A MONOCHROME2 16 x 16 8-bit file of `codestreams.count` frames in `syntax`, each frame in
    /// three fragments.
    static func file(_ codestreams: [[UInt8]], syntax: String, marker: UInt8) throws -> [UInt8] {
        var body = DataSetBytes.imagePixelModule(rows: 16, columns: 16, frames: codestreams.count, bitsAllocated: 8)
        let fragments = try codestreams.flatMap { try Self.fragments($0, marker: marker) }
        YBRConversionTests.encapsulate(fragments, into: &body)
        return DataSetBytes.part10(transferSyntax: syntax, body: body.bytes)
    }

    static let levels = [20, 120, 190]

    @Test("JPEG Baseline frames split by SOI decode to their own images, in order")
    func jpegBySOI() throws {
        let codestreams = try Self.levels.map { level in
            try JPEGCodec.encode(GrayImage(width: 16, height: 16, pixels: Self.gray(level: level)), quality: 100)
        }
        let image = try DICOMImage(
            file: DICOMFile(
                bytes: try Self.file(codestreams, syntax: "1.2.840.10008.1.2.4.50", marker: 0xD8), source: "soi.dcm"))
        for (index, codestream) in codestreams.enumerated() {
            let expected = try JPEGCodec.decode(codestream).samples
            #expect(try image.storedFrame(index).samples == .uint8(expected), "frame \(index + 1)")
            // Quality 100 keeps each frame within a grey level or two of its source, so the order shows.
            let source = Self.gray(level: Self.levels[index])
            #expect(zip(expected, source).allSatisfy { abs(Int($0) - Int($1)) <= 2 }, "frame \(index + 1)")
        }
    }

    @Test("JPEG 2000 frames split by SOC decode to their own images, in order")
    func jpeg2000BySOC() throws {
        let folder = try LucidBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var codestreams: [[UInt8]] = []
        for level in Self.levels {
            let pgm = "\(folder)/\(level).pgm", j2k = "\(folder)/\(level).j2k"
            try Data(Array("P5\n16 16\n255\n".utf8) + Self.gray(level: level)).write(to: URL(fileURLWithPath: pgm))
            guard try Self.openJPEG(["-i", pgm, "-o", j2k, "-n", "3"]) else { return }
            codestreams.append(Array(try Data(contentsOf: URL(fileURLWithPath: j2k))))
        }
        let image = try DICOMImage(
            file: DICOMFile(
                bytes: try Self.file(codestreams, syntax: "1.2.840.10008.1.2.4.90", marker: 0x4F), source: "soc.dcm"))
        for (index, level) in Self.levels.enumerated() {
            #expect(try image.storedFrame(index).samples == .uint8(Self.gray(level: level)), "frame \(index + 1)")
        }
    }

    /// Runs OpenJPEG's `opj_compress` with `arguments`; records an issue and returns false when it
    /// is missing (see `ExternalTool.require`) or fails.
    static func openJPEG(_ arguments: [String]) throws -> Bool {
        let path = ExternalTool.find("opj_compress")
        let install = "Install it: sudo apt-get install libopenjp2-tools."
        guard ExternalTool.require(path != nil, tool: "opj_compress", install: install), let path else { return false }
        let result = try ExternalTool.run(path, arguments)
        #expect(result.status == 0, "opj_compress failed: \(result.standardError)")
        return result.status == 0
    }
}
