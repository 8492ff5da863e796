import ArgumentParser
import Foundation
import LucidDICOM
import LucidFiles
import LucidRendering

/// `lucid transcode FILE -o OUT [--to explicit-le|jpeg-ls|htj2k]`: the same instance in another
/// transfer syntax, every stored value and every other attribute kept.
struct TranscodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcode",
        abstract: "Rewrite a DICOM file in another transfer syntax: decompressed, or compressed losslessly.",
        discussion: """
            --to explicit-le (default) writes native Explicit VR Little Endian pixel data from any syntax Lucid \
            reads (RLE, JPEG, JPEG Lossless, JPEG-LS, JPEG 2000, HTJ2K, deflated, big endian); jpeg-ls \
            (1.2.840.10008.1.2.4.80) and htj2k (1.2.840.10008.1.2.4.201) compress losslessly, one fragment per \
            frame with a Basic Offset Table. Float and 1-bit pixel data are written as explicit-le only.

            Stored values are kept exactly, and so is every attribute, private ones and sequences included, \
            and the SOP Instance UID. Only what the standard ties to the encoding changes: the File Meta group, \
            Pixel Data, Photometric Interpretation (YBR_FULL_422/YBR_PARTIAL_422/420 become YBR_FULL; \
            YBR_ICT/YBR_RCT become RGB), Planar Configuration (0), High Bit (Bits Stored - 1 when compressing), \
            the Extended Offset Table (removed) and, from a lossy source, Lossy Image Compression 01 with its \
            method and ratio.

            The output is written to a temporary name and renamed, so a failed transcode leaves no file and an \
            existing output is replaced whole; the input itself is never overwritten. Use - for standard input \
            or output.
            Exit status: 0 transcoded, 1 the file could not be transcoded, 2 bad usage.
            """)

    @Argument(help: "The DICOM file, or - for standard input.")
    var file: String

    @Option(name: [.customShort("o"), .long], help: "Output DICOM file, or - for standard output.")
    var output: String

    @Option(help: "Target transfer syntax: explicit-le, jpeg-ls or htj2k.")
    var to = TargetSyntax.explicitVRLittleEndian.name

    @OptionGroup var limits: LimitOptions

    var target: TargetSyntax {
        get throws {
            guard let target = TargetSyntax(rawValue: to.lowercased()) else {
                throw ValidationError(
                    "unknown --to '\(to)': use \(TargetSyntax.allCases.map(\.name).joined(separator: ", "))")
            }
            return target
        }
    }

    func validate() throws {
        _ = try target
        if file != "-", output != "-", Self.sameFile(file, output) {
            throw ValidationError(
                "the output '\(output)' is the input file itself; write to another path and rename it if you must")
        }
    }

    func run() throws {
        let target = try target
        let readLimits = try limits.readLimits
        let bytes: [UInt8]
        do {
            let image: DICOMImage
            do throws(DICOMError) {
                if file == "-" {
                    let input = try DICOMFile.readBytes(
                        from: FileHandle.standardInput, source: "<stdin>", limits: readLimits)
                    image = try DICOMImage(
                        file: DICOMFile(bytes: input, source: "<stdin>", limits: readLimits), limits: readLimits)
                } else {
                    image = try DICOMImage(path: file, limits: readLimits)
                }
            } catch {
                throw TranscodeError.unreadable(error)
            }
            bytes = try Transcoder.transcode(image, to: target, implementationVersion: LucidVersion.current)
            if output == "-" {
                FileHandle.standardOutput.write(Data(bytes))
            } else {
                try AtomicFileWriter.write(bytes, to: output)
            }
        } catch {
            StandardError.write("lucid: \(error)")
            throw ProcessingFailure()
        }
    }

    /// Whether two paths name the same existing file (same device and inode).
    static func sameFile(_ first: String, _ second: String) -> Bool {
        var a = stat(), b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }
}
