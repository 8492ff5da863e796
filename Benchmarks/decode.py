#!/usr/bin/env python3
"""Lucid's frame decoding beside pydicom + pylibjpeg, on the same compressed frames, in one run.

Usage (from the repository root, after `swift build -c release --toolset Toolsets/x86-64-v3.json`):

    python3 Benchmarks/decode.py [--repeat K] [--rounds R] [--lucid PATH] [--keep DIR]

It builds one deterministic 2048x2048 15-bit CR-like image (numpy: a smooth body with lungs, ribs and
a collimation border, plus seeded noise), writes it as an uncompressed DICOM file (pydicom) and
compresses it with the encoders a DICOM site has: JPEG-LS lossless (dcmcjpls), JPEG 2000 lossless
(gdcmconv --j2k), HTJ2K lossless (ojph_compress, encapsulated by pydicom) and, the image shifted to
12 bits, JPEG Extended 12-bit (dcmcjpeg +ee, lossy, quality 90). For each file it times:

- Lucid: `lucid bench decode --input FILE --threads 1 --json`, and `--threads N` (N = all cores: each
  run decodes the frame N times at once, one decode per thread);
- pydicom: the decoder pydicom's `pixel_array` uses, `get_decoder(uid).as_array(ds, index=0,
  decoding_plugin=P)` on the dataset read once, for each installed plugin P (pylibjpeg, and pyjpegls
  for JPEG-LS), one thread;
- the plugin alone: `pylibjpeg.decode(frame)` or `jpeg_ls.decode_from_buffer(frame)` on the frame's
  bytes, one thread (what pydicom adds on top of it is the difference);
- all cores for pydicom: a pool of N processes (multiprocessing, fork), each with the dataset read once,
  each run the frame decoded once in every process at the same moment (a barrier), as a user
  parallelises a Python decoder.

The contenders take turns: R rounds (default 3), in each every contender makes one untimed run and K
timed ones (default 3), so that a change in the load of a shared machine reaches them all. A figure is
the median of the rounds' medians and the fastest run of all; MP/s is megapixels per second of the
fastest run, counting N frames for the N-way runs. Wall-clock figures on a busy machine depend on
what else runs, so the table also gives the CPU time per frame at one thread, which does not: for
pydicom the least process CPU time of a run; for Lucid the `lucid` process's whole CPU time (start,
file read and parse included, so slightly against Lucid) over its warm-up and timed decodes; "ratio
CPU" is pydicom's over Lucid's (above 1: Lucid needs less CPU per frame). The lossless decodes are checked
against the original image first. It needs numpy, pydicom, pylibjpeg with its openjpeg and libjpeg
plugins and pyjpegls, and dcmcjpls, dcmcjpeg (dcmtk), gdcmconv (libgdcm-tools) and ojph_compress
(openjph-tools); a missing encoder or plugin leaves its row or column out (n/a).
"""

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
import pydicom
from pydicom.dataset import FileMetaDataset
from pydicom.encaps import encapsulate, generate_frames
from pydicom.pixels import get_decoder
from pydicom.uid import ExplicitVRLittleEndian

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SIZE = 2048
HTJ2K_LOSSLESS = "1.2.840.10008.1.2.4.201"


def phantom(size: int = SIZE, bits: int = 15, seed: int = 7) -> np.ndarray:
    """A CR-like chest: bright direct exposure outside a body, lungs, rib bands, a spine, noise."""
    y, x = np.mgrid[0:size, 0:size].astype(np.float64) / size
    top = (1 << bits) - 1
    image = np.full((size, size), 0.85 * top)
    body = ((x - 0.5) / 0.42) ** 2 + ((y - 0.55) / 0.55) ** 2 < 1
    image[body] = 0.35 * top + 0.08 * top * np.cos(3 * x[body]) * np.sin(2 * y[body])
    for centre in (0.32, 0.68):
        lung = ((x - centre) / 0.14) ** 2 + ((y - 0.45) / 0.3) ** 2 < 1
        ribs = 0.05 * top * (np.sin(y[lung] * 60 + 8 * (x[lung] - centre) ** 2) > 0.6)
        image[lung] = 0.6 * top - ribs - 0.1 * top * (y[lung] - 0.45)
    spine = (np.abs(x - 0.5) < 0.04) & body
    image[spine] = 0.2 * top + 0.02 * top * np.sin(y[spine] * 90)
    image[:, : size // 40] = image[:, -size // 40:] = 0.05 * top  # collimator shadow
    noise = np.random.default_rng(seed).normal(0, 0.0012 * top, image.shape)
    return np.clip(np.rint(image + noise), 0, top).astype(np.uint16)


def write_dicom(path: str, pixels: np.ndarray, bits: int, syntax: str = ExplicitVRLittleEndian,
                frame: bytes | None = None) -> None:
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.1"  # Computed Radiography Image Storage
    meta.MediaStorageSOPInstanceUID = "2.25.20480204815"
    meta.TransferSyntaxUID = syntax
    ds = pydicom.Dataset()
    ds.file_meta = meta
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.Modality, ds.PatientID, ds.PatientName = "CR", "BENCH-0001", "Decode^Benchmark"
    ds.StudyInstanceUID, ds.SeriesInstanceUID = "2.25.20480204816", "2.25.20480204817"
    ds.Rows, ds.Columns = pixels.shape
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, bits, bits - 1, 0
    if frame is None:
        ds.PixelData = pixels.astype("<u2").tobytes()
    else:
        ds.PixelData = encapsulate([frame])
        ds["PixelData"].VR = "OB"
        ds["PixelData"].is_undefined_length = True
    ds.save_as(path, enforce_file_format=True)


def make_inputs(folder: str) -> tuple[list[dict], dict[int, np.ndarray]]:
    """The compressed files: [{name, path, lossless, bits}], and the original image per bit depth."""
    image15 = phantom()
    image12 = image15 >> 3
    native15, native12 = os.path.join(folder, "native15.dcm"), os.path.join(folder, "native12.dcm")
    write_dicom(native15, image15, 15)
    write_dicom(native12, image12, 12)
    inputs = []

    def tool(name: str, arguments: list[str], output: str, label: str, lossless: bool, bits: int) -> None:
        if shutil.which(name) is None:
            print(f"# {name} not installed: no {label} row", file=sys.stderr)
            return
        subprocess.run([name, *arguments], check=True, capture_output=True)
        inputs.append({"name": label, "path": output, "lossless": lossless, "bits": bits})

    jls, j2k = os.path.join(folder, "jpegls.dcm"), os.path.join(folder, "j2k.dcm")
    tool("dcmcjpls", ["+el", native15, jls], jls, "JPEG-LS lossless", True, 15)
    tool("gdcmconv", ["--j2k", native15, j2k], j2k, "JPEG 2000 lossless", True, 15)
    if shutil.which("ojph_compress"):
        pgm, j2c = os.path.join(folder, "image15.pgm"), os.path.join(folder, "image15.j2c")
        with open(pgm, "wb") as handle:
            handle.write(f"P5\n{SIZE} {SIZE}\n{(1 << 15) - 1}\n".encode() + image15.astype(">u2").tobytes())
        subprocess.run(["ojph_compress", "-i", pgm, "-o", j2c, "-reversible", "true"], check=True,
                       capture_output=True)
        with open(j2c, "rb") as handle:
            htj2k = os.path.join(folder, "htj2k.dcm")
            write_dicom(htj2k, image15, 15, HTJ2K_LOSSLESS, handle.read())
        inputs.append({"name": "HTJ2K lossless", "path": htj2k, "lossless": True, "bits": 15})
    else:
        print("# ojph_compress not installed: no HTJ2K row", file=sys.stderr)
    extended = os.path.join(folder, "jpeg12.dcm")
    tool("dcmcjpeg", ["+ee", native12, extended], extended, "JPEG Extended 12-bit (q 90)", False, 12)
    return inputs, {15: image15, 12: image12}


def timed(work, repeat: int) -> tuple[float, float, float]:
    """Median and minimum seconds of `repeat` runs of `work`, after one untimed run, and the least CPU
    seconds of this process any run used."""
    work()
    seconds, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(seconds), min(seconds), min(cpu)


def lucid(binary: str, path: str, threads: int, repeat: int) -> tuple[float, float, float] | None:
    """Median and minimum seconds of `lucid bench decode`, and its CPU seconds per decode: the
    process's whole CPU time (start, file read and parse included) over its warm-up and timed runs."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run([binary, "bench", "decode", "--input", path, "--threads", str(threads),
                          "--repeat", str(repeat), "--json"], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"# {run.stderr.strip()}", file=sys.stderr)
        return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    report = json.loads(run.stdout)
    return report["median_s"], report["min_s"], cpu / (repeat + 1) / threads


def plugins(uid: str) -> list[str]:
    available = get_decoder(uid).available_plugins
    return [name for name in ("pylibjpeg", "pyjpegls") if name in available]


def plugin_decode(plugin: str):
    if plugin == "pyjpegls":
        import jpeg_ls
        return jpeg_ls.decode_from_buffer
    import pylibjpeg
    return pylibjpeg.decode


# The process pool's state: each worker reads the dataset once, then decodes on request.
_worker: dict = {}


def _start_worker(path: str, plugin: str, barrier) -> None:
    _worker.update(ds=pydicom.dcmread(path), plugin=plugin, barrier=barrier)
    _worker["decoder"] = get_decoder(_worker["ds"].file_meta.TransferSyntaxUID)


def _decode_in_worker(_: int) -> int:
    _worker["barrier"].wait()  # one decode per process, all at once
    array, _ = _worker["decoder"].as_array(_worker["ds"], index=0, decoding_plugin=_worker["plugin"])
    return int(array.shape[0])


def pool_timing(path: str, plugin: str, processes: int, repeat: int) -> tuple[float, float]:
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(processes)
    with context.Pool(processes, initializer=_start_worker, initargs=(path, plugin, barrier)) as pool:
        return timed(lambda: pool.map(_decode_in_worker, range(processes), chunksize=1), repeat)


def measure(entry: dict, originals: dict, binary: str, threads: int, repeat: int, rounds: int) -> list[dict]:
    """Every figure of one file. The contenders take turns, `rounds` times, each time `repeat` timed
    runs after an untimed one, so that a change in the load of a shared machine reaches them all;
    the figure is the median of the rounds' medians and the minimum of their minima."""
    ds = pydicom.dcmread(entry["path"])
    uid = ds.file_meta.TransferSyntaxUID
    frame = next(generate_frames(ds.PixelData, number_of_frames=1))
    decoder = get_decoder(uid)
    contenders = {
        "lucid_1": lambda: lucid(binary, entry["path"], 1, repeat),
        "lucid_n": lambda: lucid(binary, entry["path"], threads, repeat),
    }
    for plugin in plugins(uid):
        array, _ = decoder.as_array(ds, index=0, decoding_plugin=plugin)
        if entry["lossless"] and not np.array_equal(array, originals[entry["bits"]]):
            sys.exit(f"{entry['name']}: {plugin} does not decode to the original image")
        decode = plugin_decode(plugin)
        contenders[f"pydicom_1 {plugin}"] = (
            lambda plugin=plugin: timed(lambda: decoder.as_array(ds, index=0, decoding_plugin=plugin), repeat))
        contenders[f"plugin_1 {plugin}"] = lambda decode=decode: timed(lambda: decode(frame), repeat)
        contenders[f"pool_n {plugin}"] = lambda plugin=plugin: pool_timing(entry["path"], plugin, threads, repeat)
    results: dict[str, list] = {name: [] for name in contenders}
    for round_number in range(rounds):
        print(f"# {entry['name']}: round {round_number + 1} of {rounds}", file=sys.stderr)
        for name, contender in contenders.items():
            results[name].append(contender())

    def figure(name: str) -> tuple[float, float, float] | None:
        runs = [run for run in results[name] if run is not None]
        if not runs:
            return None
        return statistics.median(r[0] for r in runs), min(r[1] for r in runs), min(r[2] for r in runs)

    return [{
        "codec": entry["name"], "bytes": len(frame), "plugin": plugin,
        "lucid_1": figure("lucid_1"), "lucid_n": figure("lucid_n"),
        "pydicom_1": figure(f"pydicom_1 {plugin}"), "plugin_1": figure(f"plugin_1 {plugin}"),
        "pool_n": figure(f"pool_n {plugin}"),
    } for plugin in plugins(uid)]


def rate(timing: tuple[float, float] | None, frames: int = 1) -> float | None:
    return SIZE * SIZE * frames / timing[1] / 1e6 if timing else None


def table(rows: list[dict], threads: int) -> str:
    def number(value: float | None, digits: int = 1) -> str:
        return "n/a" if value is None else f"{value:.{digits}f}"

    def cpu(timing: tuple[float, float, float] | None) -> str:
        return "n/a" if timing is None else f"{timing[2] * 1000:.0f}"

    def ratio(a: float | None, b: float | None) -> str:
        return "n/a" if a is None or b is None else f"{a / b:.2f}x"

    lines = [
        f"| codec (frame bytes) | peer plugin | Lucid 1T median s | Lucid 1T MP/s | Lucid {threads}T MP/s "
        f"| pydicom 1T median s | pydicom 1T MP/s | plugin alone 1T MP/s | pydicom {threads}-process MP/s "
        f"| ratio 1T | ratio {threads}T vs {threads} processes | ratio {threads}T vs pydicom 1T "
        f"| CPU ms/frame Lucid / pydicom | ratio CPU |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        l1, ln = rate(row["lucid_1"]), rate(row["lucid_n"], threads)
        p1, pn = rate(row["pydicom_1"]), rate(row["pool_n"], threads)
        lines.append(
            f"| {row['codec']} ({row['bytes']:,}) | {row['plugin']} "
            f"| {number(row['lucid_1'][0] if row['lucid_1'] else None, 3)} | {number(l1)} | {number(ln)} "
            f"| {number(row['pydicom_1'][0] if row['pydicom_1'] else None, 3)} | {number(p1)} | {number(rate(row['plugin_1']))} | {number(pn)} "
            f"| {ratio(l1, p1)} | {ratio(ln, pn)} | {ratio(ln, p1)} "
            f"| {cpu(row['lucid_1'])} / {cpu(row['pydicom_1'])} "
            f"| {ratio(*(row[k][2] if row[k] else None for k in ('pydicom_1', 'lucid_1')))} |")
    return "\n".join(lines)


def versions() -> str:
    from importlib.metadata import version
    names = ["pydicom", "pylibjpeg", "pylibjpeg-openjpeg", "pylibjpeg-libjpeg", "pyjpegls", "numpy"]
    found = []
    for name in names:
        try:
            found.append(f"{name} {version(name)}")
        except Exception:
            found.append(f"{name} missing")
    return ", ".join(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lucid", default=os.path.join(ROOT, ".build", "release", "lucid"),
                        help="the lucid executable (default: .build/release/lucid)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per contender and round (default 3)")
    parser.add_argument("--rounds", type=int, default=3, help="turns each contender takes (default 3)")
    parser.add_argument("--keep", help="write the generated DICOM files to this folder and keep them")
    arguments = parser.parse_args()
    warnings.simplefilter("ignore")
    if not os.access(arguments.lucid, os.X_OK):
        sys.exit(f"{arguments.lucid} not found: run `swift build -c release --toolset Toolsets/x86-64-v3.json` first")
    folder = arguments.keep or tempfile.mkdtemp(prefix="lucid-decode-")
    os.makedirs(folder, exist_ok=True)
    threads = os.cpu_count() or 1
    started = time.perf_counter()
    print(f"# generating the {SIZE}x{SIZE} inputs in {folder}", file=sys.stderr)
    inputs, originals = make_inputs(folder)
    rows = []
    for entry in inputs:
        rows += measure(entry, originals, arguments.lucid, threads, arguments.repeat, arguments.rounds)
    print(table(rows, threads))
    print(f"\n_{SIZE}x{SIZE} frames; best of {arguments.rounds} rounds of {arguments.repeat} runs; run took {time.perf_counter() - started:.0f} s "
          f"on {threads} threads; {versions()}._")
    if not arguments.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
