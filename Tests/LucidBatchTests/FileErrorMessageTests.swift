import LucidArchive
import LucidBatch
import LucidCodecs
import LucidDICOM
import LucidRendering
import Testing

/// Each `FileError` says what the file processor has always said, and has its stable code.
@Suite struct FileErrorMessageTests {
    @Test(
        "Messages and codes",
        arguments: [
            (
                FileError.frameOutOfRange(path: "a.dcm", frame: 3, frameCount: 1),
                "a.dcm: frame 3 does not exist; the file has 1 frame(s)", "frame.outOfRange"
            ),
            (
                .interrupted(path: "a.dcm", .beforeFrame(2, of: 5)),
                "a.dcm: interrupted before frame 2 of 5; nothing of this file was archived", "interrupted"
            ),
            (.interrupted(path: "a.dcm", .beforeProcessing), "a.dcm: not processed: interrupted", "interrupted"),
            (
                .noRenditionFormat(path: "a.dcm"), "a.dcm: no rendition format was asked for",
                "settings.noRenditionFormat"
            ),
            (
                .input(path: "a.dcm", .readFailed(path: "a.dcm", reason: "Input/output error")),
                "a.dcm: cannot read the file: Input/output error", "input.readFailed"
            ),
            (
                .archive(path: "a.dcm", .index(path: "arch/index.sqlite", reason: "disk I/O error")),
                "a.dcm: arch/index.sqlite: archive index error: disk I/O error", "archive.index"
            ),
            (
                .unusable(path: "a.dcm", reason: "no such file or directory"),
                "a.dcm: no such file or directory", "input.unusable"
            ),
            (
                .pacs(path: "a.dcm", reasons: ["a.dcm: HTTP 503", "a.dcm (derived, frame 1): HTTP 503"]),
                "a.dcm: HTTP 503; a.dcm (derived, frame 1): HTTP 503", "pacs.upload"
            ),
        ])
    func messages(_ failure: FileError, _ message: String, _ code: String) {
        #expect(failure.description == message)
        #expect(failure.code == code)
        #expect(failure.path == "a.dcm")
    }

    @Test("Causes from the lower modules keep their own message, after the file's when it is not there")
    func wrapped() {
        let codec = DICOMError.codec(file: "a.dcm", transferSyntax: "JPEG 2000", frame: 2, reason: "bad marker")
        let render = FileError.render(path: "a.dcm", frame: 2, .dicom(codec))
        #expect(render.description == codec.description && render.code == "dicom.codec")
        let depth = FileError.render(path: "a.dcm", frame: 1, .unsupportedDepth(12))
        #expect(depth.description == "unsupported output depth 12: use 8 or 16.")
        #expect(depth.code == "render.unsupportedDepth")

        let stream = CodecError.codestream(format: .jpeg2000, operation: "encode", message: "no memory")
        let encode = FileError.encode(path: "a.dcm", frame: 1, stream)
        #expect(encode.description == "a.dcm: cannot encode the rendering: \(stream)")
        #expect(encode.code == "encode.jpeg2000")
        #expect(FileError.encode(path: "a.dcm", frame: 1, .invalidQuality(0)).code == "encode.invalidQuality")

        let mismatch = DICOMWriteError.imageMismatch(reason: "size differs")
        let derived = FileError.derivedDICOM(path: "a.dcm", frame: 2, mismatch)
        #expect(derived.description == "a.dcm: cannot write the derived DICOM: \(mismatch)")
        #expect(derived.code == "derived.imageMismatch")

        let large = CodecError.imageTooLarge(width: 9000, height: 9000, maximumPixelCount: 1000)
        let png = FileError.png(path: "a.png", large, budgeted: true)
        #expect(
            png.description
                == "a.png: cannot decode the PNG: \(large) (set by the memory budget of one job, --max-memory SIZE "
                + "divided by --jobs)")
        #expect(
            FileError.png(path: "a.png", large, budgeted: false).description == "a.png: cannot decode the PNG: \(large)"
        )
        #expect(png.code == "png.imageTooLarge")
        let libpng = FileError.png(path: "a.png", .png(operation: "decode", message: "CRC error"), budgeted: false)
        #expect(libpng.code == "png.libpng")

        let busy = FileError.archive(path: "a.dcm", .busy(path: "arch"))
        #expect(busy.description == "a.dcm: \(ArchiveError.busy(path: "arch"))" && busy.code == "archive.busy")
    }

    @Test("A failed outcome keeps the message as error and the cause as failure")
    func outcome() {
        var outcome = FileOutcome(path: "a.dcm", status: .ok)
        let failure = FileError.interrupted(path: "a.dcm", .beforeFrame(2, of: 3))
        outcome.fail(failure)
        #expect(outcome.status == .failed && outcome.failure == failure)
        #expect(outcome.error == failure.description && outcome.errorCode == "interrupted")
        #expect(outcome.jsonLine.contains(#""errorCode":"interrupted""#))
        var summary = BatchSummary()
        summary.record(outcome)
        #expect(summary.failures.map(\.reason) == [failure.description])
    }
}
