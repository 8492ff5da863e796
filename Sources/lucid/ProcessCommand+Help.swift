import ArgumentParser
import Foundation
import LucidBatch
import LucidRendering

extension ProcessCommand {
    /// The command's name, abstract and help (`lucid process --help`).
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Process folders of DICOM images into renditions and a patient/study/series archive, in parallel.",
        discussion: """
            Inputs are files, folders (recursive, sorted by the bytes of the names) and --files-from lists (one path \
            a line, - for standard input; a line over 64 KiB, longer than any path, or holding a NUL fails as \
            LIST:LINE). Paths are bytes: names that are not UTF-8 are processed and shown as latin\\xe9.dcm; every \
            printed line shows control characters escaped. Outputs mirror the input tree under --out, relative to \
            the common root of the inputs: NAME.png, NAME.16.png, NAME.jpg (NAME is the full input file name, its \
            bytes kept; multi-frame files add .FRAME). Only regular files are read, each opened without blocking; \
            files that are not DICOM or 16-bit grayscale PNG by their first 132 bytes are skipped unread. Every \
            output is written to a temporary name; one writer makes each group of finished files durable (fsync of \
            the files, rename, fsync of their folders) and with --archive indexes the group in one transaction, \
            before any of them is reported ok: a killed run leaves no partial file under a final name, and a re-run \
            completes the rest.
            --archive DIR files each DICOM image as DIR/PATIENT/DATE_STUDY/NUMBER_MODALITY_SERIES/ with the original \
            (SOP.dcm), the derived DICOM (DERIVED-SOP.derived.dcm) and the renditions (DERIVED-SOP.png...), indexed \
            in DIR/index.sqlite; an image already archived with the same recipe is skipped ("already archived"). An \
            archived original is never replaced: another file with its SOP Instance UID and other bytes is a conflict, \
            kept as SOP.conflict-HASH.dcm, not processed, and reported failed. A SOP Instance UID that is not \
            conformant is kept as stated when it is digits and dots (at most 64 characters), else replaced by a \
            2.25 UID derived from it; an empty one by a 2.25 UID derived from the file's SHA-256; the file is \
            archived (ok) with a note, and the index records the stated UID. Nothing below DIR is written through a \
            symbolic link.
            --archive dicomweb+http://HOST:PORT/PATH (or dicomweb+https://) pushes each image's original and derived \
            DICOM to that PACS by STOW-RS, each confirmed by QIDO-RS; --archive may be given twice, a folder and a \
            PACS. The user comes from --user or LUCID_DICOMWEB_USER, the password from LUCID_DICOMWEB_PASSWORD or a \
            netrc file (--netrc-file, default ~/.netrc), never from the command line. Each request to the PACS is \
            bounded: --pacs-timeout in all (default 120 s, plus 4 s per MiB uploaded) and --max-reply-size for its \
            reply (default 4 MiB); Ctrl-C gives up the requests in flight at once.
            The pipeline is --steps, --preset or --window, as in `lucid render` (default: each file's own window); \
            `lucid help steps`, `lucid help presets` and `lucid help windows` list them.
            --shard K/N processes a deterministic 1/N of the inputs (by a hash of each path relative to its input \
            root), so N machines can split one folder; --shard auto takes K/N from a Slurm job array \
            (SLURM_ARRAY_TASK_ID, _MIN, _COUNT) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX with --shard-count N).
            With --json, one JSON line per file {path, status, outputs, seconds, error, errorCode, skipReason, steps, \
            preset, notes} (notes: what Lucid did that the file did not ask for, e.g. an odd SOP Instance UID; [] \
            without one; also listed as note: lines on standard error unless --quiet) with flags (the first look, \
            below), and a final {"summary": {files, ok, failed, skipped, skippedBy, failedBy, flaggedBy, failedOn, \
            interrupted, seconds}} line on standard output (README, "Error codes" and skip reasons).
            The first look: each grayscale frame's stored values are looked at before the pipeline, and the file \
            flagged: flags [{kind, severity, message, ...}] ([] without one) in its JSON line, the manifest and the \
            archive index, a flag: line on standard error unless --quiet, counted in the summary (lucid: flagged: \
            1 saturated). saturated: at least 1 % of the in-field pixels (padding and uniform edge bands excluded) \
            at the largest stored value, in regions that do not run to the field's edge; not for CT. blank: the \
            central 99 % of the in-field pixels within 1/512 of the stored range (4 to 16 grey levels). Flags are \
            findings: the files stay ok. --fail-on KIND,... makes chosen kinds exit status 1 (kinds: saturated, \
            blank, deviation-index, drl, dose-check).
            --deidentify --key-file FILE de-identifies every DICOM input right after reading it, as lucid \
            deidentify does (PS3.15 Basic Profile, keyed pseudonyms; --option NAME, --allow-burned-in and \
            --assume-no-burned-in as there): every later stage (the recipe and preset auto, the first look, renditions, \
            derived DICOM, the --archive folders, index and original, the PACS, the manifest, the report) sees only the \
            de-identified instance. A file held back by the burned-in rule, or that cannot be de-identified, fails \
            (named, errorCode deidentify.heldBack or deidentify.cannotWrite, exit status 1) and nothing is written for \
            it, as for a later input that de-identifies to the same instance with other content; 16-bit PNG \
            inputs are skipped (no header to de-identify). Renditions are named from the pseudonymous \
            UIDs, never from input names: --out/STUDY/SERIES/SOP.dcm.png (.FRAME.png for multi-frame files), and their \
            Source text chunk (JPEG comment) holds STUDY/SERIES/SOP.dcm. The archive files the de-identified instance \
            as the original (the input's bytes are never copied) with that name as its source. The run manifest holds \
            no arguments and no directory, and names each file input-XXXXXXXXXXXXXXXX (keyed on its path; also \
            sharedName in its JSON line), its messages too; so does the --report page. The JSON lines and standard \
            error are the operator's and name the inputs.
            Every run writes a manifest, lucid-run-<yyyyMMdd'T'HHmmss'Z'>-<pid>.json (start time, UTC), into --out \
            and into DIR/runs/ with --archive: the Lucid version, start and end times, the arguments and options, \
            every input with its status, preset, steps, the window used per frame, its outputs (relative to the \
            manifest's folder, with SHA-256 for archive files) and error, and the summary. It is written atomically \
            when the run ends, also when interrupted.
            --report FILE writes one self-contained HTML page at the end of the run (also when files failed or the \
            run was interrupted, then with a note): per study a header with its counts, then one row per file with \
            before/after thumbnails of its first processed frame (at most 192 pixels, embedded as data: URLs), \
            patient, study, series, preset, steps and window, flags by severity; failed and skipped files with their \
            reason. The page loads nothing from anywhere (its Content-Security-Policy forbids it). A report that \
            cannot be written is an error (exit status 1); the renditions, archive and manifest are not affected.
            No input found, or no DICOM among the inputs: a warning on standard error, exit status 0.
            Exit status: 0 every file done (skipped files included), 1 some file failed or has a --fail-on flag, 2 bad usage, 130 interrupted \
            by Ctrl-C (SIGINT), 143 by SIGTERM (the files in progress are finished, no partial file is left).
            """)
}
