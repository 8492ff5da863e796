#!/usr/bin/env python3
"""Writes the seed inputs of the codestream fuzz targets: one folder per target under OUT (default
Fuzz/.build/fuzz/generated). Every seed is one bare codestream, at most 16 KiB (the targets' -max_len).

- FuzzJPEGLS: the frames of the JPEG-LS files of the sample corpora that are small enough, and tiny
  images encoded by CharLS (pyjpegls): 2, 8, 12 and 16-bit, lossless and near-lossless, grey and
  colour in the three interleave modes.
- FuzzJPEG2000: the small JPEG 2000 frames of the corpora, and tiny images encoded by OpenJPEG
  (opj_compress): 8, 12 and 16-bit, signed, lossless and lossy, tiled, RGB with the component
  transform, resolution levels, precincts, code-block sizes, SOP/EPH markers, progression orders.
- FuzzHTJ2K: tiny images encoded by OpenJPH (ojph_compress): 8, 12 and 16-bit, signed, lossless
  and lossy, tiled, RGB, progression orders.
- FuzzJPEGExtended: the small JPEG Baseline/Extended frames of the corpora, and tiny 8 and 12-bit
  DICOM images encoded by DCMTK (dcmcjpeg +eb, +ee), the codestream taken out of the file.

Needs numpy, pydicom and pyjpegls, and the encoders opj_compress (libopenjp2-tools), ojph_compress
(openjph-tools) and dcmcjpeg (dcmtk); a missing encoder only leaves its seeds out. Sample frames are
read from ../shared/dicom-samples and ../shared/dicom-codecs when present ($LUCID_DICOM_SAMPLES and
$LUCID_DICOM_CODECS override). The committed seeds in Fuzz/seeds/ for these targets are this
script's output: python3 Fuzz/make_codec_seeds.py Fuzz/seeds
"""

import os
import warnings
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import pydicom
from pydicom.dataset import FileMetaDataset
from pydicom.encaps import generate_frames

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_seeds import write_seed_sets  # noqa: E402
from pydicom.uid import ExplicitVRLittleEndian

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_SEED = 16384
JPEG_LS = ("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81")
JPEG_2000 = ("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91")
JPEG_DCT = ("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51")


def image(rows: int, columns: int, bits: int, components: int = 1, signed: bool = False) -> np.ndarray:
    """A ramp with a bright square and a little seeded noise, within `bits` bits."""
    y, x = np.mgrid[0:rows, 0:columns]
    top = (1 << bits) - 1
    values = (x + y) * top // max(1, rows + columns - 2)
    values[rows // 4:rows // 2, columns // 4:columns // 2] = top * 3 // 4
    values = np.clip(values + np.random.default_rng(bits * 100 + rows).integers(0, 3, values.shape), 0, top)
    if components == 3:
        values = np.stack([values, top - values, values // 2], axis=-1)
    if signed:
        values = values - (1 << (bits - 1))
    dtype = (np.int8 if bits <= 8 else np.int16) if signed else (np.uint8 if bits <= 8 else np.uint16)
    return values.astype(dtype)


def sample_frames(syntaxes: tuple[str, ...]) -> dict[str, bytes]:
    """Codestreams of the corpora's frames in `syntaxes` that fit in a seed (first three frames)."""
    seeds: dict[str, bytes] = {}
    folders = [os.environ.get("LUCID_DICOM_SAMPLES", os.path.join(ROOT, "..", "shared", "dicom-samples")),
               os.environ.get("LUCID_DICOM_CODECS", os.path.join(ROOT, "..", "shared", "dicom-codecs"))]
    for folder in folders:
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".dcm"):
                continue
            try:
                ds = pydicom.dcmread(os.path.join(folder, name))
                if ds.file_meta.TransferSyntaxUID not in syntaxes:
                    continue
                frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
                for index, frame in enumerate(generate_frames(ds.PixelData, number_of_frames=frames)):
                    if index < 3 and len(frame) <= MAX_SEED:
                        stem = "".join(c if c.isalnum() else "_" for c in name[:-4])
                        seeds[f"sample_{stem}_f{index}"] = bytes(frame)
            except Exception:  # a corpus file pydicom cannot split into frames gives no seed
                continue
    return seeds


def jpegls_seeds() -> dict[str, bytes]:
    import jpeg_ls

    seeds = sample_frames(JPEG_LS)
    for bits, rows, columns in [(2, 8, 8), (8, 16, 16), (12, 9, 13), (16, 8, 8)]:
        seeds[f"gray{bits}.jls"] = bytes(jpeg_ls.encode_array(image(rows, columns, bits)))
    seeds["gray12_near2.jls"] = bytes(jpeg_ls.encode_array(image(9, 13, 12), lossy_error=2))
    for mode in (0, 1, 2):
        seeds[f"rgb8_ilv{mode}.jls"] = bytes(jpeg_ls.encode_array(image(16, 16, 8, 3), interleave_mode=mode))
    return seeds


def write_pnm(path: str, values: np.ndarray, bits: int) -> None:
    rows, columns = values.shape[:2]
    magic = b"P6" if values.ndim == 3 else b"P5"
    data = values.astype(">u2" if bits > 8 else np.uint8).tobytes()
    with open(path, "wb") as handle:
        handle.write(magic + f"\n{columns} {rows}\n{(1 << bits) - 1}\n".encode() + data)


def encoded(tool: str, arguments: list[str], source: str, output: str, folder: str) -> bytes | None:
    if shutil.which(tool) is None:
        return None
    out = os.path.join(folder, output)
    if subprocess.run([tool, "-i", source, "-o", out, *arguments], capture_output=True).returncode != 0:
        print(f"{tool} {' '.join(arguments)} failed: seed {output} left out", file=sys.stderr)
        return None
    with open(out, "rb") as handle:
        data = handle.read()
    return data if len(data) <= MAX_SEED else None


def jpeg2000_seeds(folder: str) -> dict[str, bytes]:
    seeds = sample_frames(JPEG_2000)
    write_pnm(os.path.join(folder, "g8.pgm"), image(16, 16, 8), 8)
    write_pnm(os.path.join(folder, "g12.pgm"), image(9, 13, 12), 12)
    write_pnm(os.path.join(folder, "g16.pgm"), image(20, 12, 16), 16)
    write_pnm(os.path.join(folder, "rgb8.ppm"), image(8, 8, 8, 3), 8)
    signed = os.path.join(folder, "s12.raw")
    image(10, 10, 12, signed=True).astype("<i2").tofile(signed)
    cases = [
        ("gray8", "g8.pgm", []), ("gray12", "g12.pgm", []), ("gray16", "g16.pgm", []),
        ("gray12_lossy", "g12.pgm", ["-r", "8", "-I"]), ("gray8_tiles", "g8.pgm", ["-t", "8,8"]),
        ("gray16_levels1_cblk4", "g16.pgm", ["-n", "1", "-b", "4,4"]),
        ("gray8_precincts", "g8.pgm", ["-c", "[8,8],[4,4]", "-n", "2"]),
        ("gray12_sop_eph", "g12.pgm", ["-SOP", "-EPH"]), ("gray8_rpcl", "g8.pgm", ["-p", "RPCL", "-t", "8,8"]),
        ("gray8_layers", "g8.pgm", ["-r", "20,10,1"]), ("rgb8_mct", "rgb8.ppm", ["-mct", "1"]),
        ("rgb8_nomct", "rgb8.ppm", ["-mct", "0"]), ("signed12", "s12.raw", ["-F", "10,10,1,12,s"]),
    ]
    for name, source, arguments in cases:
        # Tiny images allow few resolution levels: 2 unless the case sets its own.
        arguments = arguments if "-n" in arguments else ["-n", "2", *arguments]
        data = encoded("opj_compress", arguments, os.path.join(folder, source), name + ".j2k", folder)
        if data:
            seeds[name + ".j2k"] = data
    return seeds


def htj2k_seeds(folder: str) -> dict[str, bytes]:
    write_pnm(os.path.join(folder, "h8.pgm"), image(16, 16, 8), 8)
    write_pnm(os.path.join(folder, "h12.pgm"), image(9, 13, 12), 12)
    write_pnm(os.path.join(folder, "h16.pgm"), image(20, 12, 16), 16)
    write_pnm(os.path.join(folder, "hrgb8.ppm"), image(8, 8, 8, 3), 8)
    signed = os.path.join(folder, "hs12.raw")
    image(10, 10, 12, signed=True).astype("<i2").tofile(signed)
    # Two decomposition levels keep these tiny images within what OpenJPH decodes (2^levels below
    # the smaller side of each tile); gray8_levels5 is one it leaves to OpenJPEG.
    two = ["-num_decomps", "2"]
    cases = [
        ("gray8", "h8.pgm", ["-reversible", "true", *two]), ("gray12", "h12.pgm", ["-reversible", "true", *two]),
        ("gray16", "h16.pgm", ["-reversible", "true", *two]), ("gray12_lossy", "h12.pgm", ["-qstep", "0.05", *two]),
        ("gray8_tiles", "h8.pgm", ["-reversible", "true", "-tile_size", "{8,8}", *two]),
        ("gray16_levels1", "h16.pgm", ["-reversible", "true", "-num_decomps", "1", "-block_size", "{8,8}"]),
        ("gray8_lrcp", "h8.pgm", ["-reversible", "true", "-prog_order", "LRCP", *two]),
        ("gray8_levels5", "h8.pgm", ["-reversible", "true"]),
        ("rgb8", "hrgb8.ppm", ["-reversible", "true", *two]),
        ("signed12", "hs12.raw", ["-reversible", "true", "-dims", "{10,10}", "-num_comps", "1", "-signed", "true",
                                  "-bit_depth", "12", "-downsamp", "{1,1}", *two]),
    ]
    seeds: dict[str, bytes] = {}
    for name, source, arguments in cases:
        data = encoded("ojph_compress", arguments, os.path.join(folder, source), name + ".j2c", folder)
        if data:
            seeds[name + ".j2c"] = data
    return seeds


def dicom(path: str, values: np.ndarray, bits: int) -> None:
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    meta.MediaStorageSOPInstanceUID = "2.25.1"
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = pydicom.Dataset()
    ds.file_meta = meta
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.Rows, ds.Columns = values.shape[:2]
    ds.SamplesPerPixel = 3 if values.ndim == 3 else 1
    ds.PhotometricInterpretation = "RGB" if values.ndim == 3 else "MONOCHROME2"
    if values.ndim == 3:
        ds.PlanarConfiguration = 0
    ds.BitsAllocated = 8 if bits <= 8 else 16
    ds.BitsStored, ds.HighBit, ds.PixelRepresentation = bits, bits - 1, 0
    ds.PixelData = values.tobytes()
    ds.save_as(path, enforce_file_format=True)


def jpeg_extended_seeds(folder: str) -> dict[str, bytes]:
    seeds = sample_frames(JPEG_DCT)
    if shutil.which("dcmcjpeg") is None:
        return seeds
    cases = [
        ("gray12_extended", image(16, 16, 12), 12, ["+ee"]), ("gray12_odd", image(9, 13, 12), 12, ["+ee", "+q", "60"]),
        ("gray8_baseline", image(16, 16, 8), 8, ["+eb"]), ("gray8_extended", image(16, 24, 8), 8, ["+ee"]),
        ("rgb8_422", image(16, 16, 8, 3), 8, ["+eb", "+s2"]), ("rgb8_444", image(8, 8, 8, 3), 8, ["+eb", "+s4"]),
    ]
    for name, values, bits, arguments in cases:
        source, target = os.path.join(folder, name + ".dcm"), os.path.join(folder, name + ".jpg.dcm")
        dicom(source, values, bits)
        subprocess.run(["dcmcjpeg", *arguments, source, target], check=True, capture_output=True)
        frame = next(generate_frames(pydicom.dcmread(target).PixelData, number_of_frames=1))
        if len(frame) <= MAX_SEED:
            seeds[name + ".jpg"] = bytes(frame)
    return seeds


def main(argv: list[str]) -> int:
    warnings.simplefilter("ignore")  # pydicom's notes on the corpora's odd character sets
    out = argv[1] if len(argv) > 1 else os.path.join(ROOT, "Fuzz", ".build", "fuzz", "generated")
    with tempfile.TemporaryDirectory() as work:
        sets = {
            "FuzzJPEGLS": jpegls_seeds(),
            "FuzzJPEG2000": jpeg2000_seeds(work),
            "FuzzHTJ2K": htj2k_seeds(work),
            "FuzzJPEGExtended": jpeg_extended_seeds(work),
        }
    write_seed_sets(sets, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
