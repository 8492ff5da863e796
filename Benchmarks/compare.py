#!/usr/bin/env python3
"""Lucid's kernels beside the tools a user would otherwise reach for, on the same images, in one run.

Usage (from the repository root, after `swift build -c release --toolset Toolsets/x86-64-v3.json`):

    python3 Benchmarks/compare.py [--ops window,gaussian] [--images ct,cr,mg] [--quick] [--lucid PATH]

The script creates Benchmarks/.venv (OpenCV, numpy, scipy, scikit-image, SimpleITK from PyPI) on its
first run and re-runs itself inside it. It generates three deterministic 12-bit images (512x512 CT-like,
2048x2500 CR-like, 3328x4096 mammography-like), writes them as raw little-endian 16-bit files to a
temporary folder, times each peer operation and `lucid bench OP --input FILE --raw WxH --json` at one
thread and at all threads (best of N runs, after a warm-up), and prints a markdown table. A Lucid
operation this build does not have (`lucid bench` exits 2, "unknown op") shows as n/a.

Slow cases run on the CT and CR images only (non-local means, medians 5x5 and 7x7, bilateral d=9), and
the slowest (non-local means, median 7x7) with 2 runs and no warm-up, so that the whole script takes
well under 20 minutes on 2 cores (about 3 minutes for the peers alone).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import peer_venv

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEER_PACKAGES = ["opencv-python-headless", "numpy", "scipy", "scikit-image", "SimpleITK"]


def ensure_venv():
    """Runs this script inside Benchmarks/.venv with its packages (see peer_venv.py)."""
    peer_venv.ensure(__file__, PEER_PACKAGES, "import cv2, numpy, scipy, skimage, SimpleITK")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lucid", default=os.path.join(ROOT, ".build", "release", "lucid"),
                        help="the lucid executable (default: .build/release/lucid)")
    parser.add_argument("--ops", default="", help="comma-separated operations to run (default: all)")
    parser.add_argument("--images", default="ct,cr,mg", help="comma-separated images: ct, cr, mg")
    parser.add_argument("--quick", action="store_true", help="fewer repeats (about a third of the time)")
    parser.add_argument("--keep", help="write the images and outputs to this folder and keep them")
    arguments = parser.parse_args()
    ensure_venv()

    import cases  # noqa: E402  (needs the venv's packages)
    import images  # noqa: E402
    import peers  # noqa: E402
    import report  # noqa: E402

    if not os.access(arguments.lucid, os.X_OK):
        sys.exit(f"{arguments.lucid} not found: run `swift build -c release --toolset Toolsets/x86-64-v3.json` first (or pass --lucid)")
    folder = arguments.keep or tempfile.mkdtemp(prefix="lucid-compare-")
    os.makedirs(folder, exist_ok=True)
    threads = os.cpu_count() or 1
    wanted_ops = {op for op in arguments.ops.split(",") if op}
    wanted_images = [name for name in arguments.images.split(",") if name]

    started = time.perf_counter()
    print(f"# generating images in {folder}", file=sys.stderr)
    generated = {name: images.write_raw(name, folder) for name in wanted_images}
    rows = []
    for case in cases.all_cases():
        if wanted_ops and case.op not in wanted_ops:
            continue
        for name in case.images:
            if name not in generated:
                continue
            print(f"# {case.label} on {name}", file=sys.stderr)
            rows.append(cases.run_case(case, generated[name], arguments.lucid, folder, threads, arguments.quick))
    print(report.markdown(rows, threads))
    print(report.memory_note(rows, threads))
    print(f"\n_Run took {time.perf_counter() - started:.0f} s on {threads} threads; {peers.versions()}._")


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(HERE, "compare"))
    main()
