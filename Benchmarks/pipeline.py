#!/usr/bin/env python3
"""The technologist's batch step, timed: `lucid process` beside pydicom + OpenCV and DCMTK's dcmj2pnm.

Usage (from the repository root, after `swift build -c release --toolset Toolsets/x86-64-v3.json`; DCMTK from `apt-get install dcmtk`):

    python3 Benchmarks/pipeline.py [--files 20] [--repeat 3] [--jobs N] [--keep DIR] [--lucid PATH]

The script creates (or reuses) Benchmarks/.venv, the venv of compare.py plus pydicom, and re-runs itself
in it. It writes `--files` CR-sized DICOM files (2048x2500, 12 bits stored, Explicit VR Little Endian,
each with its own seed and window, every fourth MONOCHROME1) to a temporary folder, then runs every
contender over the same files: the full pipeline (read, median 3x3, CLAHE clip 2 on 8x8 tiles, the
file's window, 8-bit PNG) with Lucid (also with `--archive`: original, derived DICOM, PNG and index,
all durable, beside the same `--out`) and with Python in one process and in a Pool of N, and the window
and PNG part alone with Lucid and DCMTK's `dcmj2pnm +Wi 1 +on` (one file at a time, as the issue asks,
and N at a time). Each contender runs once untimed (warm-up: page cache, lazy initialisation), then
`--repeat` times, the rounds interleaved; its figure is files per second of the best run. The outputs
are then compared with Lucid's, pixel by pixel. It prints a markdown table.
"""

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time

import peer_venv

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# compare.py's packages (same venv) plus pydicom.
PACKAGES = ["opencv-python-headless", "numpy", "scipy", "scikit-image", "SimpleITK", "pydicom"]

def ensure_venv():
    """Runs this script inside Benchmarks/.venv with its packages (see peer_venv.py)."""
    peer_venv.ensure(__file__, PACKAGES, "import cv2, numpy, scipy, skimage, SimpleITK, pydicom")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lucid", default=os.path.join(ROOT, ".build", "release", "lucid"),
                        help="the lucid executable (default: .build/release/lucid)")
    parser.add_argument("--dcmj2pnm", default=shutil.which("dcmj2pnm") or "dcmj2pnm",
                        help="DCMTK's dcmj2pnm (default: from PATH)")
    parser.add_argument("--files", type=int, default=20, help="number of DICOM files (default 20)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per contender; best counts (default 3)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel files for Lucid --jobs, the Python Pool and dcmj2pnm (default: cores)")
    parser.add_argument("--keep", help="write the DICOM files and outputs to this folder and keep them")
    arguments = parser.parse_args()
    ensure_venv()

    import contenders  # noqa: E402  (needs the venv's packages)
    import dataset  # noqa: E402

    if not os.access(arguments.lucid, os.X_OK):
        sys.exit(f"{arguments.lucid} not found: run `swift build -c release --toolset Toolsets/x86-64-v3.json` first (or pass --lucid)")
    if not shutil.which(arguments.dcmj2pnm):
        sys.exit(f"{arguments.dcmj2pnm} not found: `apt-get install dcmtk` (or pass --dcmj2pnm)")

    folder = arguments.keep or tempfile.mkdtemp(prefix="lucid-pipeline-")
    inputs = os.path.join(folder, "dicom")
    os.makedirs(inputs, exist_ok=True)
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    print(f"# writing {arguments.files} DICOM files to {inputs}", file=sys.stderr)
    files = dataset.write_all(arguments.files, inputs, arguments.jobs)
    paths = [path for path, *_ in files]

    runners = contenders.all_contenders(arguments.lucid, arguments.dcmj2pnm, arguments.jobs)
    results = contenders.measure(runners, inputs, paths, folder, arguments.repeat)
    contenders.compare_outputs(runners, results, paths)
    print(contenders.markdown(runners, results, len(paths), arguments.jobs))
    print()
    print(contenders.png_note(runners, paths))
    monochrome1 = sum(1 for _, photometric, *_ in files if photometric == "MONOCHROME1")
    print(f"\n_{datetime.date.today().isoformat()}: {len(paths)} files of 2048x2500, 12 bits stored "
          f"({monochrome1} MONOCHROME1), {sum(os.path.getsize(p) for p in paths) / 1e6:.0f} MB; "
          f"best of {arguments.repeat} after one warm-up; {os.cpu_count()} cores; "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after; "
          f"{contenders.versions(arguments.lucid, arguments.dcmj2pnm)}; "
          f"run took {time.perf_counter() - started:.0f} s._")
    if not arguments.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(HERE, "pipeline"))
    sys.path.insert(0, os.path.join(HERE, "compare"))  # images.py: the CR phantom
    main()
