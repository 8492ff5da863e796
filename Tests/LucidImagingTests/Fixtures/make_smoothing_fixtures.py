#!/usr/bin/env python3
"""Writes the OpenCV reference fixtures for the Gaussian blur and median filter tests.

Run from this folder with opencv-python-headless and numpy installed:

    python3 make_smoothing_fixtures.py

Every file is raw little-endian uint16, row by row, 61 x 47 pixels (width x height):

    smoothing_input_61x47.u16          12-bit input: smooth ramps, an edge, seeded noise, salt and pepper
    gaussian_sigma1.5_61x47.u16        cv2.GaussianBlur(input, (0, 0), 1.5)  (BORDER_REFLECT_101)
    gaussian_sigma2.0_61x47.u16        cv2.GaussianBlur(input, (0, 0), 2.0)
    median_3_61x47.u16                 cv2.medianBlur(input, 3)               (BORDER_REPLICATE)
    median_5_61x47.u16                 cv2.medianBlur(input, 5)

The input is seeded, so running the script again rewrites identical files.
"""

import cv2
import numpy as np

WIDTH, HEIGHT = 61, 47


def make_input() -> np.ndarray:
    rng = np.random.default_rng(20240611)
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float64)
    base = 600 + 25 * x + 30 * y + 400 * np.sin(x / 5.0) * np.cos(y / 7.0)
    base[:, WIDTH // 2 :] += 1200  # a sharp vertical edge
    noisy = base + rng.normal(0, 60, size=base.shape)
    image = np.clip(np.rint(noisy), 0, 4095).astype(np.uint16)
    salt = rng.random(image.shape)
    image[salt < 0.02] = 0
    image[salt > 0.98] = 4095
    return image


def write(name: str, image: np.ndarray) -> None:
    assert image.dtype == np.uint16 and image.shape == (HEIGHT, WIDTH)
    image.astype("<u2").tofile(name)


def main() -> None:
    image = make_input()
    write("smoothing_input_61x47.u16", image)
    for sigma in (1.5, 2.0):
        write(f"gaussian_sigma{sigma}_61x47.u16", cv2.GaussianBlur(image, (0, 0), sigma))
    for size in (3, 5):
        write(f"median_{size}_61x47.u16", cv2.medianBlur(image, size))


if __name__ == "__main__":
    main()
