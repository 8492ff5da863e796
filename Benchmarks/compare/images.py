"""The comparison's test images: deterministic 12-bit phantoms shaped like the three modalities.

Every image is built from a seeded numpy generator, so each run (and each machine) sees the same
samples. Values are unsigned 12-bit (0...4095), stored as raw little-endian 16-bit files.
"""

import os
from dataclasses import dataclass

import cv2
import numpy as np

# name: (width, height, description)
SIZES = {
    "ct": (512, 512, "512x512 CT"),
    "cr": (2048, 2500, "2048x2500 CR"),
    "mg": (3328, 4096, "3328x4096 MG"),
}
MAXIMUM = 4095


@dataclass
class TestImage:
    name: str
    label: str
    width: int
    height: int
    path: str
    pixels: np.ndarray  # uint16, height x width

    @property
    def megapixels(self):
        return self.width * self.height / 1e6


def smooth_field(rng, width, height, cells):
    """Noise of unit scale varying smoothly over about `cells` features across the image."""
    low = rng.standard_normal((max(2, cells * height // width), cells)).astype(np.float32)
    return cv2.resize(low, (width, height), interpolation=cv2.INTER_CUBIC)


def grid(width, height):
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    return x / width, y / height


def inside(x, y, cx, cy, rx, ry):
    return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 < 1


def ct(rng, width, height):
    """Axial CT slice: air outside (-1000 HU), soft tissue, lungs, spine; stored = HU + 1024."""
    x, y = grid(width, height)
    image = np.full((height, width), 24.0, np.float32)
    body = inside(x, y, 0.5, 0.52, 0.42, 0.36)
    image[body] = 1064 + 25 * smooth_field(rng, width, height, 12)[body]
    for cx in (0.36, 0.64):
        image[inside(x, y, cx, 0.48, 0.11, 0.17)] = 160
    image[inside(x, y, 0.5, 0.75, 0.05, 0.05)] = 2200
    return image + rng.normal(0, 15, image.shape)


def cr(rng, width, height):
    """Chest radiograph: bright direct exposure at the edges, a body with smooth anatomy and ribs."""
    x, y = grid(width, height)
    image = np.full((height, width), 3800.0, np.float32)
    body = inside(x, y, 0.5, 0.55, 0.46, 0.52)
    anatomy = 1400 + 700 * (1 - np.abs(x - 0.5) * 2) + 300 * smooth_field(rng, width, height, 16)
    ribs = 150 * (np.sin(y * 40 * np.pi) > 0.6)
    image[body] = (anatomy + ribs)[body]
    return image + rng.normal(0, 25, image.shape)


def mg(rng, width, height):
    """Mammogram: dark background, a breast against the left edge, glandular texture, calcifications."""
    x, y = grid(width, height)
    image = np.full((height, width), 60.0, np.float32)
    breast = inside(x, y, 0.0, 0.5, 0.78, 0.46)
    texture = 250 * smooth_field(rng, width, height, 40) + 150 * smooth_field(rng, width, height, 8)
    distance = np.sqrt((x / 0.78) ** 2 + ((y - 0.5) / 0.46) ** 2)
    image[breast] = (1700 + 700 * (1 - distance) + texture)[breast]
    for _ in range(40):
        cy, cx = rng.integers(0, height), rng.integers(0, width // 2)
        image[cy:cy + 6, cx:cx + 6] = 3500
    return image + rng.normal(0, 20, image.shape)


def generate(name, seed=1):
    """The image `name` (ct, cr or mg) as a uint16 array."""
    width, height, _ = SIZES[name]
    rng = np.random.default_rng(seed)
    image = {"ct": ct, "cr": cr, "mg": mg}[name](rng, width, height)
    return np.clip(np.rint(image), 0, MAXIMUM).astype(np.uint16)


def write_raw(name, folder):
    """Generates image `name` and writes it as `<folder>/<name>.u16` (raw little-endian)."""
    width, height, label = SIZES[name]
    pixels = generate(name)
    path = os.path.join(folder, f"{name}.u16")
    pixels.astype("<u2").tofile(path)
    return TestImage(name, label, width, height, path, pixels)
