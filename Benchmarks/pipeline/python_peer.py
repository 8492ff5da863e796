"""The Python peer of `lucid process`: the same pipeline with pydicom, OpenCV and numpy.

read (pydicom) -> cv2.medianBlur 3x3 -> CLAHE 8x8 tiles -> the file's window (PS3.3 C.11.2.1.2.1
LINEAR, numpy float32, rounded half up, inverted for MONOCHROME1) -> cv2.imwrite PNG (8-bit).

CLAHE, following the doc comment of Sources/LucidImaging/CLAHE/CLAHE.swift: Lucid's `clahe:clip=2`
counts the clip limit against 2^BitsStored = 4,096 bins, OpenCV's 16-bit CLAHE against 65,536, so the
same clip count per bin is OpenCV `clipLimit = 2 * 2^(16 - 12) = 32` (`CLAHE.openCVSixteenBitClipLimit`).
OpenCV is fed the samples as `(v << 4) | 15`, so that its bins group like Lucid's bin v and the clipped
excess is spread over the data range (given the 12-bit samples as they are, OpenCV sends 15/16 of the
excess above 4095 and its output is compressed, far from Lucid's: mean difference about 100 grey
levels after the window). OpenCV's output spans 0...65535 where Lucid's spans 0...4095: the window is
applied to `output * 4095 / 65535`, the scale folded into the window's coefficients (one pass).
"""

import os

import cv2
import numpy as np
import pydicom

CLIP = 2.0
TILES = 8

_clahe = {}


def _clahe_for(bits):
    """One CLAHE object per process and bit depth, as a user would keep it."""
    if bits not in _clahe:
        _clahe[bits] = cv2.createCLAHE(clipLimit=CLIP * (1 << (16 - bits)), tileGridSize=(TILES, TILES))
    return _clahe[bits]


def _first(value):
    return float(value[0]) if isinstance(value, pydicom.multival.MultiValue) else float(value)


def window(image, center, width, scale, invert):
    """LINEAR window of `image * scale` to 8 bits, rounded half up; 255 - y for MONOCHROME1."""
    # y = ((x * scale - (c - 0.5)) / (w - 1) + 0.5) * 255 = x * a + b
    a = scale * 255.0 / (width - 1)
    b = (0.5 - (center - 0.5) / (width - 1)) * 255.0 + 0.5  # + 0.5: round half up with floor
    y = image.astype(np.float32)
    y *= np.float32(a)
    y += np.float32(b)
    np.clip(y, 0, 255.99, out=y)
    out = y.astype(np.uint8)  # truncation = floor on non-negative values
    if invert:
        np.subtract(255, out, out=out)
    return out


def process(path, out_dir, filtered=True):
    """One file through the pipeline; returns the PNG path."""
    ds = pydicom.dcmread(path)
    image = ds.pixel_array  # uint16 rows x columns
    bits = int(ds.BitsStored)
    scale = 1.0
    if filtered:
        image = cv2.medianBlur(image, 3)
        image <<= 16 - bits  # in place: medianBlur returned a new array
        image |= (1 << (16 - bits)) - 1
        image = _clahe_for(bits).apply(image)
        scale = ((1 << bits) - 1) / 65535.0
    rendered = window(image, _first(ds.WindowCenter), _first(ds.WindowWidth), scale,
                      ds.PhotometricInterpretation == "MONOCHROME1")
    out = os.path.join(out_dir, os.path.basename(path) + ".png")
    if not cv2.imwrite(out, rendered):
        raise RuntimeError(f"cv2.imwrite failed for {out}")
    return out


def _init_worker(threads):
    cv2.setNumThreads(threads)


def run(paths, out_dir, processes, worker_threads=1, filtered=True):
    """Processes `paths` in this process (processes == 1) or in a Pool of `processes` workers."""
    if processes == 1:
        return [process(path, out_dir, filtered) for path in paths]
    from multiprocessing import Pool
    with Pool(processes, initializer=_init_worker, initargs=(worker_threads,)) as pool:
        return pool.starmap(process, [(path, out_dir, filtered) for path in paths], chunksize=1)


def main():
    """`python python_peer.py [--processes N] [--window-only] --out DIR FILE...`: prints the seconds taken
    after the imports (interpreter start-up and `import cv2, pydicom` are not counted)."""
    import argparse
    import time
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--window-only", action="store_true")
    parser.add_argument("--out", required=True)
    parser.add_argument("files", nargs="+")
    arguments = parser.parse_args()
    start = time.perf_counter()
    run(arguments.files, arguments.out, arguments.processes, filtered=not arguments.window_only)
    print(f"{time.perf_counter() - start:.6f}")


if __name__ == "__main__":
    main()
