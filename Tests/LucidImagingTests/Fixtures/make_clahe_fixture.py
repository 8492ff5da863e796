#!/usr/bin/env python3
"""Writes the OpenCV CLAHE fixtures that CLAHEOpenCVFixtureTests compares Lucid's CLAHE against.

Run from this folder with opencv-python-headless and numpy installed:
    python3 make_clahe_fixture.py
Every file is a 64x48 image, row-major, unsigned 16-bit little-endian samples (6,144 bytes). The
inputs are seeded, so the files only change when OpenCV's CLAHE does (written with the version
printed by the script; 5.0.0 at the time of writing).

8-bit: OpenCV's 8-bit CLAHE has 256 bins, so it runs the same rules as Lucid with bitsStored 8:
  clahe_8bit_input.u16             samples 0...255
  clahe_8bit_opencv_clip2_8x8.u16  cv2.createCLAHE(2.0, (8, 8)) on the uint8 image
  clahe_8bit_opencv_clip4_3x5.u16  cv2.createCLAHE(4.0, (3, 5)) (64 and 48 not multiples: padded tiles)
12-bit: OpenCV's 16-bit CLAHE has 65,536 bins. Lucid's bin v of 4,096 corresponds to OpenCV's bins
16v ... 16v + 15, so OpenCV gets (v << 4) | 15, whose cumulative count includes the whole group, and
Lucid's clip limit c becomes c * 16 (the same clip count per occupied bin). Outputs are on OpenCV's
0...65535 scale; the test rescales them by 4095 / 65535.
  clahe_12bit_input.u16                 samples 0...4095
  clahe_12bit_opencv_clip32_8x8.u16     cv2.createCLAHE(32.0, (8, 8)) on (v << 4) | 15  (Lucid 2.0)
  clahe_12bit_opencv_clip0_3x5.u16      cv2.createCLAHE(0.0, (3, 5)) on (v << 4) | 15   (no clipping)
"""
import cv2
import numpy as np

WIDTH, HEIGHT = 64, 48


def structured(maximum: int, seed: int) -> np.ndarray:
    """A smooth pattern with a bright disc, a flat block and seeded noise, in 0...maximum."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float64)
    v = 0.37 + 0.22 * np.sin(x / 9.0) + 0.15 * np.cos(y / 7.0)
    v += 0.12 * (((x - 40) ** 2 + (y - 20) ** 2) < 150)
    v[30:42, 6:22] = 0.2
    v += rng.normal(0.0, 0.01, v.shape)
    return np.clip(np.rint(v * maximum), 0, maximum).astype(np.uint16)


def write(name: str, image: np.ndarray) -> None:
    assert image.shape == (HEIGHT, WIDTH)
    image.astype("<u2").tofile(name)


def main() -> None:
    print("OpenCV", cv2.__version__)
    image8 = structured(255, seed=1994)
    write("clahe_8bit_input.u16", image8)
    write("clahe_8bit_opencv_clip2_8x8.u16", cv2.createCLAHE(2.0, (8, 8)).apply(image8.astype(np.uint8)))
    write("clahe_8bit_opencv_clip4_3x5.u16", cv2.createCLAHE(4.0, (3, 5)).apply(image8.astype(np.uint8)))

    image12 = structured(4095, seed=2026)
    shifted = (image12 << 4) | 15
    write("clahe_12bit_input.u16", image12)
    write("clahe_12bit_opencv_clip32_8x8.u16", cv2.createCLAHE(32.0, (8, 8)).apply(shifted))
    write("clahe_12bit_opencv_clip0_3x5.u16", cv2.createCLAHE(0.0, (3, 5)).apply(shifted))


if __name__ == "__main__":
    main()
