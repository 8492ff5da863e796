"""The contenders of the pipeline benchmark, how each is run and timed, and the report.

Every contender turns the same DICOM files into 8-bit PNG files in its own output folder. A run is
timed from start to the last file written (wall clock, process start-up of `lucid` and `dcmj2pnm`
included); the Python peer runs in its own interpreter and times itself after its imports, so Python's
start-up and `import cv2, pydicom` are not counted (its Pool's start-up is). The output folder is emptied and `sync` called before every run, untimed.
"""

import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import cv2
import numpy as np
import pydicom

PYTHON_PEER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "python_peer.py")

STEPS = "denoise:median:3 | clahe:clip=2,tiles=8x8 | window:file"
WINDOW_STEPS = "window:file"


@dataclass
class Contender:
    key: str
    name: str
    does: str  # "pipeline" or "window": the full pipeline, or the window and PNG part alone
    at_once: str  # how many files at once, and threads
    run: object  # (paths, input folder, output folder) -> None
    output: object  # (input path, output folder) -> output PNG path
    reference: bool = False  # Lucid's row that the others of its group are compared with
    note: str = ""


@dataclass
class Result:
    seconds: list = field(default_factory=list)
    wall: list = field(default_factory=list)  # wall clock including start-up (= seconds but for Python)
    png_bytes: int = 0
    max_difference: object = None
    mean_difference: object = None
    differing: object = None  # fraction of pixels that differ from Lucid's


def lucid_runner(lucid, steps, jobs, archive=False):
    """`lucid process`; with `archive`, also `--archive OUT/archive` (original, derived DICOM, PNG and
    index, all durable) beside the same renditions under OUT."""
    def run(paths, inputs, out):
        command = [lucid, "process", inputs, "--out", out, "--steps", steps, "--format", "png",
                   "--jobs", str(jobs), "--quiet"]
        if archive:
            command += ["--archive", os.path.join(out, "archive")]
        completed = subprocess.run(command, capture_output=True, text=True)
        if completed.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} exited {completed.returncode}: {completed.stderr}")
    return run


def dcmj2pnm_runner(dcmj2pnm, at_once):
    def convert(path, out):
        command = [dcmj2pnm, "+Wi", "1", "+on", path, os.path.join(out, os.path.basename(path) + ".png")]
        completed = subprocess.run(command, capture_output=True, text=True)
        if completed.returncode != 0 or completed.stderr.strip():
            raise RuntimeError(f"{' '.join(command)} exited {completed.returncode}: {completed.stderr}")

    def run(paths, inputs, out):
        if at_once == 1:
            for path in paths:
                convert(path, out)
        else:
            with ThreadPoolExecutor(at_once) as pool:
                list(pool.map(lambda path: convert(path, out), paths))
    return run


def python_runner(processes, filtered):
    """Runs python_peer.py in a fresh interpreter (OpenCV's threads and fork() do not mix: a Pool forked
    from a process that has run a threaded OpenCV call can hang) and returns the seconds it measured
    itself, after its imports."""
    def run(paths, inputs, out):
        command = [sys.executable, PYTHON_PEER, "--processes", str(processes), "--out", out, *paths]
        if not filtered:
            command.insert(2, "--window-only")
        completed = subprocess.run(command, capture_output=True, text=True)
        if completed.returncode != 0:
            raise RuntimeError(f"python_peer.py exited {completed.returncode}: {completed.stderr}")
        return float(completed.stdout.split()[-1])
    return run


def mirrored(path, out):
    """`lucid process DIR --out OUT` writes DIR/NAME as OUT/NAME.png; the others are told to do the same."""
    return os.path.join(out, os.path.basename(path) + ".png")


def all_contenders(lucid, dcmj2pnm, jobs):
    threads = os.cpu_count() or 1
    inner = max(1, threads // jobs)
    pipeline = "read, median 3x3, CLAHE, window, PNG"
    window = "read, window, PNG"
    return [
        Contender("lucid", f"Lucid `process --jobs {jobs}`", pipeline,
                  f"{jobs} files, {inner} thread(s) each", lucid_runner(lucid, STEPS, jobs), mirrored,
                  reference=True),
        Contender("lucida", f"Lucid `process --jobs {jobs} --archive` (and the same `--out`)", pipeline,
                  f"{jobs} files, {inner} thread(s) each", lucid_runner(lucid, STEPS, jobs, archive=True), mirrored,
                  note="its ×faster figure is the archive run's time over the --out run's"),
        Contender("lucid1", "Lucid `process --jobs 1`", pipeline,
                  f"1 file, {threads} threads", lucid_runner(lucid, STEPS, 1), mirrored),
        Contender("python1", "Python: pydicom + OpenCV, one process", pipeline,
                  f"1 file, OpenCV's default threads ({cv2.getNumThreads()})",
                  python_runner(1, True), mirrored),
        Contender(f"python{jobs}", f"Python: pydicom + OpenCV, `Pool({jobs})`", pipeline,
                  f"{jobs} files, 1 OpenCV thread each", python_runner(jobs, True), mirrored),
        Contender("lucidw", f"Lucid `process --steps window:file --jobs {jobs}`", window,
                  f"{jobs} files, {inner} thread(s) each", lucid_runner(lucid, WINDOW_STEPS, jobs), mirrored,
                  reference=True),
        Contender("dcmtk1", "DCMTK `dcmj2pnm +Wi 1 +on`, one file at a time", window,
                  "1 file, 1 thread (one process per file)", dcmj2pnm_runner(dcmj2pnm, 1), mirrored,
                  note="no filtering: DCMTK has no median or CLAHE"),
        Contender(f"dcmtk{jobs}", f"DCMTK `dcmj2pnm +Wi 1 +on`, {jobs} at a time", window,
                  f"{jobs} files, 1 thread each", dcmj2pnm_runner(dcmj2pnm, jobs), mirrored,
                  note="informational: what `xargs -P` would give"),
        Contender(f"pythonw{jobs}", f"Python: pydicom + numpy window, `Pool({jobs})`", window,
                  f"{jobs} files, 1 OpenCV thread each", python_runner(jobs, False), mirrored,
                  note="informational"),
    ]


def measure(contenders, inputs, paths, folder, repeat):
    """Warm-up run of each contender, then `repeat` interleaved rounds; returns {key: Result}."""
    results = {c.key: Result() for c in contenders}
    for round_number in range(repeat + 1):
        label = "warm-up" if round_number == 0 else f"round {round_number}/{repeat}"
        for contender in contenders:
            out = os.path.join(folder, "out", contender.key)
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)
            os.sync()
            start = time.perf_counter()
            measured = contender.run(paths, inputs, out)
            seconds = time.perf_counter() - start if measured is None else measured
            missing = [p for p in paths if not os.path.exists(contender.output(p, out))]
            if missing:
                raise RuntimeError(f"{contender.name}: no output for {missing[:3]}")
            print(f"# {label}: {contender.name}: {seconds:.2f} s", file=sys.stderr)
            wall = time.perf_counter() - start
            if round_number > 0:
                results[contender.key].seconds.append(seconds)
                results[contender.key].wall.append(wall)
    results_bytes(contenders, results, paths, folder)
    return results


def results_bytes(contenders, results, paths, folder):
    for contender in contenders:
        out = os.path.join(folder, "out", contender.key)
        results[contender.key].png_bytes = sum(os.path.getsize(contender.output(p, out)) for p in paths)


def compare_outputs(contenders, results, paths):
    """Max and mean |output - Lucid's output| over all files, per contender (the last run's outputs)."""
    folder_of = lambda c: os.path.join(os.path.dirname(os.path.dirname(paths[0])), "out", c.key)
    references = {c.does: c for c in contenders if c.reference}
    for contender in contenders:
        reference = references[contender.does]
        if contender is reference:
            continue
        largest, total, differing, count = 0, 0.0, 0, 0
        for path in paths:
            mine = cv2.imread(contender.output(path, folder_of(contender)), cv2.IMREAD_UNCHANGED)
            theirs = cv2.imread(reference.output(path, folder_of(reference)), cv2.IMREAD_UNCHANGED)
            if mine is None or theirs is None or mine.shape != theirs.shape or mine.dtype != np.uint8:
                raise RuntimeError(f"{contender.name}: {path}: output not an 8-bit image of Lucid's size")
            difference = cv2.absdiff(mine, theirs)
            largest = max(largest, int(difference.max()))
            total += float(difference.sum())
            differing += int(np.count_nonzero(difference))
            count += difference.size
        result = results[contender.key]
        result.max_difference, result.mean_difference, result.differing = largest, total / count, differing / count


def versions(lucid, dcmj2pnm):
    lucid_version = subprocess.run([lucid, "--version"], capture_output=True, text=True).stdout.strip()
    dcmtk = subprocess.run([dcmj2pnm, "--version"], capture_output=True, text=True).stdout
    dcmtk_version = next((line.split()[2] for line in dcmtk.splitlines() if "dcmj2pnm v" in line), "?")
    return (f"Lucid {lucid_version}, DCMTK {dcmtk_version.lstrip('v')}, OpenCV {cv2.__version__}, "
            f"numpy {np.__version__}, pydicom {pydicom.__version__}, Python {sys.version.split()[0]}")


def markdown(contenders, results, file_count, jobs):
    rows = [
        "| contender | does | files at once | best s | files/s | Lucid is ×faster | files/s with start-up | max / mean \\|Δ\\| vs Lucid, % pixels differing | PNG MB |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    references = {c.does: c for c in contenders if c.reference}
    for contender in contenders:
        result = results[contender.key]
        best = min(result.seconds)
        rate = file_count / best
        reference = references[contender.does]
        reference_rate = file_count / min(results[reference.key].seconds)
        ratio = "1 (reference)" if contender is reference else f"{reference_rate / rate:.2f}"
        if contender is reference:
            agreement = "—"
        else:
            agreement = (f"{result.max_difference} / {result.mean_difference:.3f}, "
                         f"{100 * result.differing:.2f} %")
        name = contender.name + (f" ({contender.note})" if contender.note else "")
        rows.append(f"| {name} | {contender.does} | {contender.at_once} | {best:.2f} | {rate:.1f} | {ratio} "
                    f"| {file_count / min(result.wall):.1f} | {agreement} | {result.png_bytes / 1e6:.1f} |")
    return "\n".join(rows)


def png_note(contenders, paths, repeat=5):
    """Times cv2.imwrite on Lucid's first 8-bit output with OpenCV's default PNG settings and with
    libpng's adaptive filter choice at zlib level 1 and the default strategy (Lucid's encoder settings,
    Sources/CCodecShims/png_write_shim.c), to show what the PNG step costs."""
    reference = next(c for c in contenders if c.reference)
    folder = os.path.join(os.path.dirname(os.path.dirname(paths[0])), "out", reference.key)
    image = cv2.imread(reference.output(paths[0], folder), cv2.IMREAD_UNCHANGED)
    target = os.path.join(os.path.dirname(folder), "png-note.png")
    settings = [
        ("OpenCV's default settings", []),
        ("level 1, SUB filter, Z_RLE (Lucid's `--png-compression small` is this with AVERAGE)", [cv2.IMWRITE_PNG_COMPRESSION, 1, cv2.IMWRITE_PNG_FILTER,
                                        cv2.IMWRITE_PNG_FILTER_SUB, cv2.IMWRITE_PNG_STRATEGY,
                                        cv2.IMWRITE_PNG_STRATEGY_RLE]),
        ("level 1, libpng's adaptive filters, default strategy",
         [cv2.IMWRITE_PNG_COMPRESSION, 1, cv2.IMWRITE_PNG_FILTER, cv2.IMWRITE_PNG_ALL_FILTERS,
          cv2.IMWRITE_PNG_STRATEGY, cv2.IMWRITE_PNG_STRATEGY_DEFAULT]),
    ]
    lines = [f"PNG write of one {image.shape[1]}x{image.shape[0]} 8-bit rendition with cv2.imwrite, one thread, best of {repeat}:"]
    cv2.setNumThreads(1)
    for label, parameters in settings:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            cv2.imwrite(target, image, parameters)
            best = min(best, time.perf_counter() - start)
        lines.append(f"- {label}: {best * 1000:.0f} ms, {os.path.getsize(target) / 1e6:.2f} MB")
    return "\n".join(lines)
