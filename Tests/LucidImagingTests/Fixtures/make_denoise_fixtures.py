"""Makes the OpenCV reference outputs for the denoising tests (BilateralFilter, NonLocalMeans).

Run from this folder with opencv-python-headless and numpy installed:

    python3 make_denoise_fixtures.py

Writes little-endian raw 16-bit files, row by row, 37 x 29 pixels (width x height):
- denoise_input_37x29.u16: a seeded 12-bit image (smooth ramp, a bright disc, a step edge,
  Gaussian noise of sigma 30);
- denoise_bilateral_d5_37x29.u16: cv2.bilateralFilter on a float32 copy, d=5, sigmaColor=100,
  sigmaSpace=2, BORDER_DEFAULT (reflect 101), rounded to the nearest integer;
- denoise_bilateral_d9_37x29.u16: the same with d=9, sigmaSpace=4;
- denoise_nlm_h30_37x29.u16: cv2.fastNlMeansDenoising on the uint16 image, h=[30],
  templateWindowSize=7, searchWindowSize=21, normType=NORM_L1.
"""

import cv2
import numpy as np

WIDTH, HEIGHT = 37, 29


def make_input():
    rng = np.random.default_rng(20261126)
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float64)
    clean = 900 + 20 * x + 10 * y
    clean[(y - 14) ** 2 + (x - 12) ** 2 < 64] += 1500
    clean[:, 26:] += 800
    noisy = clean + rng.normal(0, 30, clean.shape)
    return np.clip(np.round(noisy), 0, 4095).astype(np.uint16)


def save(name, image):
    assert image.shape == (HEIGHT, WIDTH) and image.dtype == np.uint16
    image.astype("<u2").tofile(name)


def main():
    image = make_input()
    save("denoise_input_37x29.u16", image)
    as_float = image.astype(np.float32)
    for diameter, sigma_space in ((5, 2.0), (9, 4.0)):
        filtered = cv2.bilateralFilter(as_float, diameter, 100.0, sigma_space, borderType=cv2.BORDER_DEFAULT)
        save(f"denoise_bilateral_d{diameter}_37x29.u16", np.clip(np.round(filtered), 0, 4095).astype(np.uint16))
    denoised = cv2.fastNlMeansDenoising(image, np.array([30.0], dtype=np.float32), None, 7, 21, cv2.NORM_L1)
    save("denoise_nlm_h30_37x29.u16", denoised)


if __name__ == "__main__":
    main()
