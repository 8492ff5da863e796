#!/usr/bin/env python3
"""Generate Lucid's synthetic sample DICOM images.

Usage (from the repository root):

    python3 SampleImages/generate.py            # writes into SampleImages/
    python3 SampleImages/generate.py OUT_DIR    # writes into OUT_DIR

Requirements: Python 3.11 + numpy.  No DICOM library is used: the DICOM
Part 10 files are written by hand with `struct`, so the encoder below is
also a compact, readable reference for the byte layout.

Everything is deterministic: fixed random seeds, fixed dates/times and UIDs
derived from the file name (2.25.<integer> built from a SHA-256 hash), so a
rerun with the same numpy version produces byte-identical files.

All images are synthetic phantoms; they contain no patient data.
"""

from __future__ import annotations

import hashlib
import os
import struct
import sys

import numpy as np

# ---------------------------------------------------------------------------
# DICOM Part 10 encoder
# ---------------------------------------------------------------------------

EXPLICIT_VR_LE = "1.2.840.10008.1.2.1"
IMPLICIT_VR_LE = "1.2.840.10008.1.2"

CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2"
CR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1"
MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4"

IMPLEMENTATION_VERSION_NAME = "LUCID_SAMPLES_1"
MANUFACTURER = "Lucid sample generator"

# VRs whose explicit-VR header is: tag, VR, 2 reserved bytes, 32-bit length.
LONG_VRS = {"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"}
# Character-string VRs (padded with a trailing space to even length).
TEXT_VRS = {"AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UR", "UT"}
BINARY_FORMATS = {"US": "H", "SS": "h", "UL": "I", "SL": "i", "FL": "f", "FD": "d"}


def uid_for(*parts: str) -> str:
    """A deterministic UID under the 2.25 (UUID-derived) root.

    The integer is the first 128 bits of SHA-256 over the parts, which keeps
    the UID at most 5 + 39 = 44 characters (limit 64) with no leading zero.
    """
    digest = hashlib.sha256("/".join(("lucid-samples",) + parts).encode("utf-8")).digest()
    value = int.from_bytes(digest[:16], "big")
    return f"2.25.{value}"


IMPLEMENTATION_CLASS_UID = uid_for("implementation-class", IMPLEMENTATION_VERSION_NAME)


def ds(x: float) -> str:
    """Format a Decimal String value (max 16 characters)."""
    for digits in range(10, 0, -1):
        s = f"{x:.{digits}g}"
        if len(s) <= 16:
            return s
    raise ValueError(f"cannot format {x} as DS")


def encode_value(vr: str, value) -> bytes:
    """Encode a Python value as the (even-length) bytes of one element value."""
    if vr == "UI":
        raw = value.encode("ascii")
        return raw + b"\x00" if len(raw) % 2 else raw
    if vr in TEXT_VRS:
        if isinstance(value, (list, tuple)):
            value = "\\".join(ds(v) if vr == "DS" and not isinstance(v, str) else str(v) for v in value)
        elif vr == "DS" and not isinstance(value, str):
            value = ds(value)
        raw = str(value).encode("latin-1")  # ISO_IR 100
        return raw + b" " if len(raw) % 2 else raw
    if vr in BINARY_FORMATS:
        values = value if isinstance(value, (list, tuple)) else [value]
        return struct.pack("<%d%s" % (len(values), BINARY_FORMATS[vr]), *values)
    if vr in ("OB", "OW", "UN"):
        raw = bytes(value)
        if len(raw) % 2:
            if vr == "OW":
                raise ValueError("OW value must have even length")
            raw += b"\x00"
        return raw
    raise ValueError(f"unsupported VR {vr}")


def encode_element(tag: int, vr: str, value, explicit: bool) -> bytes:
    group, element = tag >> 16, tag & 0xFFFF
    data = encode_value(vr, value)
    if not explicit:
        return struct.pack("<HHI", group, element, len(data)) + data
    if vr in LONG_VRS:
        return struct.pack("<HH2sHI", group, element, vr.encode("ascii"), 0, len(data)) + data
    if len(data) > 0xFFFF:
        raise ValueError(f"value of ({group:04X},{element:04X}) too long for VR {vr}")
    return struct.pack("<HH2sH", group, element, vr.encode("ascii"), len(data)) + data


def encode_dataset(elements: dict[int, tuple[str, object]], explicit: bool) -> bytes:
    """Encode elements in ascending tag order."""
    return b"".join(encode_element(tag, vr, value, explicit) for tag, (vr, value) in sorted(elements.items()))


def part10_bytes(dataset: dict[int, tuple[str, object]], transfer_syntax: str) -> bytes:
    sop_class = dataset[0x00080016][1]
    sop_instance = dataset[0x00080018][1]
    meta_body = encode_dataset(
        {
            0x00020001: ("OB", b"\x00\x01"),
            0x00020002: ("UI", sop_class),
            0x00020003: ("UI", sop_instance),
            0x00020010: ("UI", transfer_syntax),
            0x00020012: ("UI", IMPLEMENTATION_CLASS_UID),
            0x00020013: ("SH", IMPLEMENTATION_VERSION_NAME),
        },
        explicit=True,
    )
    meta = encode_element(0x00020000, "UL", len(meta_body), explicit=True) + meta_body
    explicit = transfer_syntax == EXPLICIT_VR_LE
    if not explicit and transfer_syntax != IMPLICIT_VR_LE:
        raise ValueError("only Explicit/Implicit VR Little Endian are supported")
    return b"\x00" * 128 + b"DICM" + meta + encode_dataset(dataset, explicit)


def pixel_bytes(pixels: np.ndarray, bits_stored: int, signed: bool) -> bytes:
    """Little-endian 16-bit pixel data, masked to Bits Stored."""
    if signed:
        lo, hi = -(1 << (bits_stored - 1)), (1 << (bits_stored - 1)) - 1
        assert pixels.min() >= lo and pixels.max() <= hi, "signed pixels out of range"
        data = pixels.astype("<i2").view("<u2")
    else:
        assert pixels.min() >= 0 and pixels.max() < (1 << bits_stored), "pixels out of range"
        data = pixels.astype("<u2")
    mask = (1 << bits_stored) - 1
    return (data & np.uint16(mask)).astype("<u2").tobytes()


def common_attributes(
    *,
    file_name: str,
    sop_class: str,
    modality: str,
    patient_name: str,
    patient_id: str,
    patient_sex: str,
    patient_birth_date: str,
    study_date: str,
    study_time: str,
    accession: str,
    study_id: str,
    study_description: str,
    series_description: str,
    series_number: int,
    instance_number: int,
    body_part: str,
) -> dict[int, tuple[str, object]]:
    """Patient, study, series, equipment, general image and SOP common attributes."""
    return {
        0x00080005: ("CS", "ISO_IR 100"),
        0x00080012: ("DA", study_date),  # Instance Creation Date
        0x00080013: ("TM", study_time),  # Instance Creation Time
        0x00080016: ("UI", sop_class),
        0x00080018: ("UI", uid_for(file_name, "sop-instance")),
        0x00080020: ("DA", study_date),  # Study Date
        0x00080021: ("DA", study_date),  # Series Date
        0x00080023: ("DA", study_date),  # Content Date
        0x00080030: ("TM", study_time),  # Study Time
        0x00080031: ("TM", study_time),  # Series Time
        0x00080033: ("TM", study_time),  # Content Time
        0x00080050: ("SH", accession),
        0x00080060: ("CS", modality),
        0x00080070: ("LO", MANUFACTURER),
        0x00080090: ("PN", ""),  # Referring Physician's Name (type 2)
        0x00081030: ("LO", study_description),
        0x0008103E: ("LO", series_description),
        0x00081090: ("LO", "generate.py"),  # Manufacturer's Model Name
        0x00100010: ("PN", patient_name),
        0x00100020: ("LO", patient_id),
        0x00100030: ("DA", patient_birth_date),
        0x00100040: ("CS", patient_sex),
        0x00180015: ("CS", body_part),
        0x00181020: ("LO", "Lucid SampleImages 1"),  # Software Versions
        0x0020000D: ("UI", uid_for(file_name, "study")),
        0x0020000E: ("UI", uid_for(file_name, "series")),
        0x00200010: ("SH", study_id),
        0x00200011: ("IS", str(series_number)),
        0x00200013: ("IS", str(instance_number)),
        0x00280002: ("US", 1),  # Samples per Pixel
        0x00280301: ("CS", "NO"),  # Burned In Annotation
        0x00282110: ("CS", "00"),  # Lossy Image Compression
    }


def image_pixel_attributes(pixels: np.ndarray, photometric: str, bits_stored: int, signed: bool):
    rows, cols = pixels.shape
    return {
        0x00280004: ("CS", photometric),
        0x00280010: ("US", rows),
        0x00280011: ("US", cols),
        0x00280100: ("US", 16),  # Bits Allocated
        0x00280101: ("US", bits_stored),
        0x00280102: ("US", bits_stored - 1),  # High Bit
        0x00280103: ("US", 1 if signed else 0),  # Pixel Representation
        0x7FE00010: ("OW", pixel_bytes(pixels, bits_stored, signed)),
    }


def axial_plane_attributes(file_name, rows, cols, spacing_mm, thickness_mm, z_mm):
    """Frame of Reference + Image Plane for an axial slice centred on the isocentre."""
    x0 = -(cols - 1) / 2 * spacing_mm
    y0 = -(rows - 1) / 2 * spacing_mm
    return {
        0x00180050: ("DS", ds(thickness_mm)),
        0x00185100: ("CS", "HFS"),  # Patient Position
        0x00200032: ("DS", [x0, y0, z_mm]),  # Image Position (Patient)
        0x00200037: ("DS", ["1", "0", "0", "0", "1", "0"]),  # Image Orientation (Patient)
        0x00200052: ("UI", uid_for(file_name, "frame-of-reference")),
        0x00201040: ("LO", ""),  # Position Reference Indicator (type 2)
        0x00201041: ("DS", ds(z_mm)),  # Slice Location
        0x00280030: ("DS", [spacing_mm, spacing_mm]),  # Pixel Spacing (row\column)
    }


# ---------------------------------------------------------------------------
# Image helpers (numpy only)
# ---------------------------------------------------------------------------


def gaussian_blur(image: np.ndarray, sigma: float) -> np.ndarray:
    """Separable Gaussian blur with edge replication (small sigma)."""
    if sigma <= 0:
        return image.astype(np.float64)
    radius = max(1, int(np.ceil(3 * sigma)))
    offsets = np.arange(-radius, radius + 1)
    kernel = np.exp(-0.5 * (offsets / sigma) ** 2)
    kernel /= kernel.sum()
    out = image.astype(np.float64)
    for axis in (0, 1):
        padded = np.pad(out, [(radius, radius) if a == axis else (0, 0) for a in (0, 1)], mode="edge")
        n = out.shape[axis]
        acc = np.zeros_like(out)
        for k, w in zip(range(2 * radius + 1), kernel):
            acc += w * (padded[k : k + n, :] if axis == 0 else padded[:, k : k + n])
        out = acc
    return out


def smooth_noise(shape, sigma_px: float, rng: np.random.Generator) -> np.ndarray:
    """Zero-mean, unit-std, spatially correlated random field (periodic, via FFT)."""
    white = rng.standard_normal(shape)
    fy = np.fft.fftfreq(shape[0])[:, None]
    fx = np.fft.fftfreq(shape[1])[None, :]
    transfer = np.exp(-2 * (np.pi * sigma_px) ** 2 * (fx**2 + fy**2))
    field = np.real(np.fft.ifft2(np.fft.fft2(white) * transfer))
    field -= field.mean()
    return field / field.std()


def ellipse_mask(x, y, cx, cy, a, b, phi_deg=0.0):
    """Points inside the ellipse with centre (cx, cy), semi-axes a, b rotated by phi."""
    phi = np.deg2rad(phi_deg)
    c, s = np.cos(phi), np.sin(phi)
    dx, dy = x - cx, y - cy
    xr = dx * c + dy * s
    yr = -dx * s + dy * c
    return (xr / a) ** 2 + (yr / b) ** 2 <= 1.0


def ellipse_radius(x, y, cx, cy, a, b, phi_deg=0.0):
    """Normalised elliptic radius (1.0 on the ellipse boundary)."""
    phi = np.deg2rad(phi_deg)
    c, s = np.cos(phi), np.sin(phi)
    dx, dy = x - cx, y - cy
    xr = dx * c + dy * s
    yr = -dx * s + dy * c
    return np.sqrt((xr / a) ** 2 + (yr / b) ** 2)


def downsample(image: np.ndarray, factor: int) -> np.ndarray:
    h, w = image.shape
    return image.reshape(h // factor, factor, w // factor, factor).mean(axis=(1, 3))


# ---------------------------------------------------------------------------
# 1. CT head: modified Shepp-Logan phantom in Hounsfield units
# ---------------------------------------------------------------------------

# Toft's modified Shepp-Logan ellipses: (value, a, b, x0, y0, phi degrees),
# coordinates in [-1, 1] with +y pointing to the top of the image.  The
# original additive intensities are (1, -0.8, -0.2, -0.2, 0.1, 0.1, 0.1, 0.1,
# 0.1, 0.1); here each ellipse instead adds a Hounsfield-unit increment so the
# regions land on realistic head CT values.  A thin scalp ellipse (soft
# tissue) is added outside the skull.
SHEPP_LOGAN_HU = [
    # HU increment, a, b, x0, y0, phi
    (+1040.0, 0.7150, 0.9400, 0.00, 0.0000, 0.0),  # scalp: air -1000 -> +40 soft tissue
    (+860.0, 0.6900, 0.9200, 0.00, 0.0000, 0.0),  # skull: +40 -> +900
    (-865.0, 0.6624, 0.8740, 0.00, -0.0184, 0.0),  # brain: +900 -> +35
    (-25.0, 0.1100, 0.3100, 0.22, 0.0000, -18.0),  # right ventricle: +10
    (-25.0, 0.1600, 0.4100, -0.22, 0.0000, 18.0),  # left ventricle: +10
    (+10.0, 0.2100, 0.2500, 0.00, 0.3500, 0.0),  # region of +45
    (+30.0, 0.0460, 0.0460, 0.00, 0.1000, 0.0),  # lesion (+65 / +75 where inside the +45 region)
    (+30.0, 0.0460, 0.0460, 0.00, -0.1000, 0.0),  # lesion +65
    (+25.0, 0.0460, 0.0230, -0.08, -0.6050, 0.0),  # small lesions +60 (+85 where they overlap)
    (+25.0, 0.0230, 0.0230, 0.00, -0.6060, 0.0),
    (+25.0, 0.0230, 0.0460, 0.06, -0.6050, 0.0),
]


def make_ct_head(out_dir: str) -> str:
    name = "ct_head_phantom.dcm"
    n, oversample = 512, 2
    fov_mm = 250.0
    rng = np.random.default_rng(20240101)

    m = n * oversample
    centres = (np.arange(m) + 0.5) / m * 2.0 - 1.0
    x = centres[None, :]
    y = -centres[:, None]  # row 0 at the top (+y)
    hu = np.full((m, m), -1000.0)
    for value, a, b, x0, y0, phi in SHEPP_LOGAN_HU:
        hu[ellipse_mask(x, y, x0, y0, a, b, phi)] += value
    hu = downsample(hu, oversample)  # partial-volume anti-aliasing
    hu = gaussian_blur(hu, 0.6)  # reconstruction kernel blur
    hu += rng.normal(0.0, 8.0, hu.shape)  # quantum noise, sigma 8 HU
    hu = np.clip(np.rint(hu), -1024, 3071)

    stored = (hu + 1024).astype(np.int32)  # Rescale Intercept -1024, Slope 1
    # Circular reconstruction field of view: outside it the scanner writes padding.
    pc = (np.arange(n) + 0.5) / n * 2.0 - 1.0
    outside_fov = pc[None, :] ** 2 + pc[:, None] ** 2 > 1.0
    padding = -2000
    stored[outside_fov] = padding

    ds_ = common_attributes(
        file_name=name,
        sop_class=CT_IMAGE_STORAGE,
        modality="CT",
        patient_name="Phantom^Head",
        patient_id="LUCID-0001",
        patient_sex="O",
        patient_birth_date="19700101",
        study_date="20240115",
        study_time="091500",
        accession="LUCIDACC0001",
        study_id="1",
        study_description="CT HEAD phantom",
        series_description="Modified Shepp-Logan HU 5mm",
        series_number=2,
        instance_number=12,
        body_part="HEAD",
    )
    spacing = fov_mm / n
    ds_.update(axial_plane_attributes(name, n, n, spacing, 5.0, 60.0))
    ds_.update(image_pixel_attributes(stored, "MONOCHROME2", 16, signed=True))
    ds_.update(
        {
            0x00080008: ("CS", ["ORIGINAL", "PRIMARY", "AXIAL"]),
            0x00180060: ("DS", "120"),  # KVP
            0x00180090: ("DS", ds(fov_mm)),  # Data Collection Diameter
            0x00181100: ("DS", ds(fov_mm)),  # Reconstruction Diameter
            0x00181210: ("SH", "H30s"),  # Convolution Kernel
            0x00200012: ("IS", "1"),  # Acquisition Number
            0x00280120: ("SS", padding),  # Pixel Padding Value (stored value)
            0x00281050: ("DS", ["40", "600"]),  # Window Center: brain, bone
            0x00281051: ("DS", ["80", "2800"]),  # Window Width: brain, bone
            0x00281052: ("DS", "-1024"),  # Rescale Intercept
            0x00281053: ("DS", "1"),  # Rescale Slope
            0x00281054: ("LO", "HU"),  # Rescale Type
            0x00281055: ("LO", ["BRAIN", "BONE"]),  # Window Center & Width Explanation
        }
    )
    path = os.path.join(out_dir, name)
    with open(path, "wb") as f:
        f.write(part10_bytes(ds_, EXPLICIT_VR_LE))
    return path


# ---------------------------------------------------------------------------
# 2. CR chest PA, MONOCHROME1
# ---------------------------------------------------------------------------


def make_cr_chest(out_dir: str) -> str:
    name = "cr_chest_mono1.dcm"
    rows, cols = 1024, 880
    spacing = 0.42  # mm: 430 x 370 mm detector (about a 35 x 43 cm cassette)
    rng = np.random.default_rng(20240202)

    yy, xx = np.mgrid[0:rows, 0:cols].astype(np.float64)
    x = (xx + 0.5 - cols / 2) * spacing  # mm, + towards image right = patient's left
    y = (yy + 0.5) * spacing  # mm from the top edge, + towards the feet

    mu_soft = 0.020  # 1/mm, water-like at the effective energy
    mu_bone_extra = 0.030  # additional attenuation of bone over soft tissue
    mu_lung_deficit = 0.015  # lung (density ~0.25) attenuates 75% less than tissue

    def dome_profile(r):
        """Thickness profile of an ellipsoid: sqrt(1 - r^2) inside, 0 outside."""
        return np.sqrt(np.clip(1.0 - r**2, 0.0, None))

    # --- body outline: neck, shoulders, chest wall (elliptic cylinder per row)
    half_width = np.interp(y, [0, 50, 80, 110, 140, 300, 430], [52, 55, 75, 150, 168, 162, 156])
    depth = np.interp(y, [0, 70, 140, 300, 430], [110, 120, 190, 220, 230])  # AP thickness mm
    torso = depth * dome_profile(x / half_width)
    tissue = torso.copy()
    # arms alongside the chest at the upper corners (soft tissue columns)
    for side in (-1, 1):
        tissue += 70.0 * dome_profile(ellipse_radius(x, y, side * 183.0, 160.0, 26.0, 125.0, side * 8.0))
    attn = mu_soft * tissue

    # --- lungs: ellipsoidal air volumes cut by the diaphragm domes and the heart
    lung = np.zeros_like(x)
    lungs = [  # (centre x, centre y, half width, half height, tilt, max thickness)
        (-88.0, 205.0, 64.0, 140.0, 5.0, 150.0),  # right lung (image left)
        (+90.0, 210.0, 62.0, 142.0, -5.0, 140.0),  # left lung (image right)
    ]
    for cx, cy, a, b, tilt, tmax in lungs:
        lung += tmax * dome_profile(ellipse_radius(x, y, cx, cy, a, b, tilt))
    # diaphragm domes (right higher than left); lung only above them
    dome_right = 282.0 + 0.012 * (x + 80.0) ** 2
    dome_left = 296.0 + 0.012 * (x - 85.0) ** 2
    dome = np.where(x < 0, dome_right, dome_left)
    lung *= np.clip((dome - y) / 10.0, 0.0, 1.0)  # soft lower edge
    # heart (bulging to the patient's left, resting on the diaphragm) and aortic knob
    heart = 160.0 * dome_profile(ellipse_radius(x, y, 28.0, 262.0, 78.0, 62.0, -18.0))
    knob = 70.0 * dome_profile(ellipse_radius(x, y, 30.0, 160.0, 20.0, 17.0))
    right_atrium = 80.0 * dome_profile(ellipse_radius(x, y, -30.0, 255.0, 28.0, 45.0))
    lung = np.clip(lung - heart - knob - right_atrium, 0.0, None)
    lung = np.minimum(lung, 0.8 * torso)  # lungs stay inside the chest
    # pulmonary vessels: faint branching-like texture, stronger near the hila
    vessels = np.abs(smooth_noise((rows, cols), 4.0, rng))
    vessels = np.clip(0.3 - vessels, 0.0, None) / 0.3
    hilar = np.exp(-(((np.abs(x) - 50.0) / 45.0) ** 2 + ((y - 200.0) / 60.0) ** 2))
    lung_fraction = np.clip(lung / 40.0, 0.0, 1.0)
    attn -= mu_lung_deficit * lung
    attn += mu_soft * 10.0 * vessels * (0.25 + hilar) * lung_fraction

    # trachea (air column in the upper mediastinum)
    trachea_r = np.abs(x + 2.0) / 9.0
    attn -= mu_soft * 16.0 * dome_profile(trachea_r) * np.clip((175.0 - y) / 10.0, 0.0, 1.0) * (y > 20.0)
    # gastric air bubble under the left dome
    attn -= 0.75 * mu_soft * 40.0 * dome_profile(ellipse_radius(x, y, 85.0, 325.0, 30.0, 15.0))

    # --- bones
    bone = np.zeros_like(x)
    # thoracic spine: vertebral bodies separated by discs, faint behind the mediastinum
    vertebra_phase = np.mod(y - 20.0, 28.0) / 28.0
    disc = np.clip(np.abs(vertebra_phase - 0.5) * 2.0 - 0.82, 0.0, None) / 0.18  # 0 in body, ->1 at disc
    bone += 9.0 * dome_profile(x / 20.0) * (1.0 - 0.5 * disc) * (y > 30.0)
    for k in range(16):  # pedicles: small ring shadows on each side
        yc = 20.0 + 28.0 * k + 9.0
        for side in (-1, 1):
            r = ellipse_radius(x, y, side * 15.0, yc, 4.0, 6.0)
            bone += 4.0 * np.clip(1.0 - np.abs(r - 1.0) * 4.0, 0.0, None) * (y > 30.0)
    # posterior ribs: arcs from the spine, convex upwards, turning down at the chest wall
    for k in range(10):
        top = 92.0 + 24.0 * k
        for side in (-1, 1):
            a, b = 128.0 - 1.0 * k, 70.0 + 3.0 * k
            cx, cy = side * 40.0, top + b
            r = ellipse_radius(x, y, cx, cy, a, b)
            thickness = 4.5 + 0.15 * k  # half height of the rib shadow in mm
            d = np.abs(r - 1.0) * b
            band = np.clip(1.0 - (d / thickness) ** 2, 0.0, None)
            cortex = 1.0 + 0.8 * np.exp(-(((d - thickness * 0.85) / 0.8) ** 2))
            keep = np.clip((y - top + 5.0) / 4.0, 0.0, 1.0) * (y < cy + 20.0) * np.clip((side * x - 14.0) / 6.0, 0.0, 1.0)
            bone += 6.0 * np.sqrt(band) * cortex * keep
    # anterior ribs: fainter arcs sloping down towards the midline
    for k in range(6):
        for side in (-1, 1):
            xs = side * x
            y_curve = 118.0 + 30.0 * k + 0.004 * (150.0 - xs) ** 2
            band = np.clip(1.0 - ((y - y_curve) / 6.0) ** 2, 0.0, None)
            keep = np.clip((xs - 40.0) / 10.0, 0.0, 1.0) * (xs < 150.0)
            bone += 2.5 * np.sqrt(band) * keep
    # clavicles: gently S-shaped bars from the sternal notch to the shoulders
    for side in (-1, 1):
        xs = side * x
        y_clav = 98.0 - 0.20 * xs + 5.0 * np.sin(xs / 25.0)
        band = np.clip(1.0 - ((y - y_clav) / 6.5) ** 2, 0.0, None)
        keep = np.clip((xs - 15.0) / 5.0, 0.0, 1.0) * (xs < 168.0)
        bone += 12.0 * np.sqrt(band) * keep
    # humeral heads and scapular glenoid at the shoulders
    for side in (-1, 1):
        bone += 35.0 * dome_profile(ellipse_radius(x, y, side * 178.0, 100.0, 24.0, 26.0))
        bone += 10.0 * dome_profile(ellipse_radius(x, y, side * 152.0, 128.0, 12.0, 45.0, side * -30.0))
    attn += mu_bone_extra * bone * (tissue > 0)

    attn = gaussian_blur(attn, 1.5)  # focal spot + phosphor unsharpness

    # --- collimation: exposure outside the collimated field is mostly blocked
    def edge(v, lo, hi, soft=2.0):
        return 1.0 / (1.0 + np.exp(-(v - lo) / soft)) * 1.0 / (1.0 + np.exp((v - hi) / soft))

    field = edge(x, -168.0, 166.0) * edge(y, 14.0, 414.0)
    exposure = np.exp(-attn) * field + 0.0025  # + scatter/fog floor

    # --- detector: logarithmic response, quantum + electronic noise
    log_e = np.log10(np.clip(exposure, 1e-6, None))
    value = 3700.0 + 1230.0 * log_e  # direct exposure -> ~3700 (dark in MONOCHROME1)
    quantum_sigma = 7.0 * np.sqrt(0.1 / exposure)
    value += rng.normal(0.0, 1.0, value.shape) * np.minimum(quantum_sigma, 40.0)
    value += rng.normal(0.0, 3.0, value.shape)
    stored = np.clip(np.rint(value), 0, 4095).astype(np.int32)

    # Window fitted to the exposed anatomy (1st..99.5th percentile), rounded.
    exposed = stored[(field > 0.99) & (torso > 30.0)]
    lo, hi = np.percentile(exposed, [1.0, 99.5])
    width = float(np.round((hi - lo) / 10.0) * 10.0)
    center = float(np.round((hi + lo) / 20.0) * 10.0)

    ds_ = common_attributes(
        file_name=name,
        sop_class=CR_IMAGE_STORAGE,
        modality="CR",
        patient_name="Phantom^Chest",
        patient_id="LUCID-0002",
        patient_sex="O",
        patient_birth_date="19800101",
        study_date="20240202",
        study_time="143000",
        accession="LUCIDACC0002",
        study_id="2",
        study_description="CHEST PA synthetic",
        series_description="PA chest (synthetic)",
        series_number=1,
        instance_number=1,
        body_part="CHEST",
    )
    ds_.update(image_pixel_attributes(stored, "MONOCHROME1", 12, signed=False))
    ds_.update(
        {
            0x00080008: ("CS", ["ORIGINAL", "PRIMARY"]),
            0x00180060: ("DS", "120"),  # KVP
            0x00181164: ("DS", [spacing, spacing]),  # Imager Pixel Spacing
            0x00185101: ("CS", "PA"),  # View Position
            0x00200020: ("CS", ["L", "F"]),  # Patient Orientation (row, column directions)
            0x00281050: ("DS", ds(center)),
            0x00281051: ("DS", ds(width)),
            0x00281055: ("LO", "FITTED"),
            0x00281056: ("CS", "LINEAR"),  # VOI LUT Function
        }
    )
    path = os.path.join(out_dir, name)
    with open(path, "wb") as f:
        f.write(part10_bytes(ds_, EXPLICIT_VR_LE))
    return path


# ---------------------------------------------------------------------------
# 3. MR brain, T1-weighted spin echo
# ---------------------------------------------------------------------------


def make_mr_brain(out_dir: str) -> str:
    name = "mr_brain_t1.dcm"
    n, oversample = 256, 2
    fov_mm = 240.0
    rng = np.random.default_rng(20240303)

    # T1-weighted signal levels (stored units, no rescale)
    FAT, SKIN, MUSCLE = 1150.0, 520.0, 380.0
    BONE, MARROW = 40.0, 760.0
    CSF, GM, WM, DEEP_GM, THALAMUS = 130.0, 470.0, 720.0, 540.0, 600.0

    m = n * oversample
    c = (np.arange(m) + 0.5) / m * 2.0 - 1.0
    x = np.broadcast_to(c[None, :], (m, m))
    y = np.broadcast_to(c[:, None], (m, m))  # +y towards the image bottom (posterior)

    img = np.zeros((m, m))
    head = ellipse_radius(x, y, 0.0, 0.02, 0.72, 0.88)
    img[head <= 1.0] = SKIN
    img[head <= 0.985] = FAT  # subcutaneous fat of the scalp
    # temporalis muscles at the sides, between fat and skull
    for side in (-1, 1):
        tm = ellipse_radius(x, y, side * 0.63, -0.05, 0.07, 0.30)
        img[(tm <= 1.0) & (head <= 0.975)] = MUSCLE
    img[head <= 0.93] = BONE  # outer table
    img[head <= 0.915] = MARROW  # diploe
    img[head <= 0.895] = BONE  # inner table
    img[head <= 0.875] = CSF  # subarachnoid space

    # brain: folded cortex (radial sulci with a grey-matter ribbon), white matter core
    brain_a, brain_b, brain_cy = 0.61, 0.76, 0.03
    brain = ellipse_radius(x, y, 0.0, brain_cy, brain_a, brain_b)
    warp = smooth_noise((m, m), 25.0, rng)
    theta = np.arctan2(y - brain_cy, x) + 0.10 * warp  # wiggle the sulci
    n_gyri = 26
    phase = n_gyri * theta / (2 * np.pi) + 0.35 * smooth_noise((m, m), 40.0, rng)
    sulcal_distance = np.abs(phase - np.round(phase)) * (2 * np.pi / n_gyri) * brain * 0.68  # ~ normalised units
    depth = 0.74 + 0.06 * smooth_noise((m, m), 30.0, rng)  # how deep each sulcus reaches
    inside = brain <= 0.98
    img[inside] = GM
    ribbon = 0.028  # cortical thickness (~3.4 mm)
    wm = ((brain <= 0.98 - ribbon / 0.68) & (sulcal_distance > ribbon + 0.004)) | (brain <= depth - 0.04)
    img[inside & wm] = WM
    sulcus = (sulcal_distance < 0.008) & (brain > depth) & inside
    img[sulcus] = CSF
    img[inside & (brain > 0.965)] = np.where(sulcal_distance[inside & (brain > 0.965)] < 0.02, CSF, GM)
    # interhemispheric fissure with falx
    fissure = (np.abs(x - 0.005 * np.sin(6 * y)) < 0.012) & ((y < -0.42) | (y > 0.50)) & inside
    img[fissure] = CSF
    img[fissure & (np.abs(x) < 0.004)] = BONE * 2  # falx (dark dura)
    # Sylvian fissures / insula
    for side in (-1, 1):
        sylv = ellipse_radius(x, y, side * 0.43, -0.02, 0.025, 0.16, side * 12.0)
        img[sylv <= 1.0] = CSF
        insula = ellipse_radius(x, y, side * 0.38, -0.02, 0.04, 0.18, side * 12.0)
        img[(insula <= 1.0) & (sylv > 1.0)] = GM
    # deep grey matter: putamen, caudate heads, thalami
    for side in (-1, 1):
        img[ellipse_mask(x, y, side * 0.27, -0.02, 0.055, 0.16, side * 10.0)] = DEEP_GM
        img[ellipse_mask(x, y, side * 0.11, 0.12, 0.085, 0.12, side * -10.0)] = THALAMUS
        img[ellipse_mask(x, y, side * 0.12, -0.19, 0.06, 0.085, side * -15.0)] = DEEP_GM
    # lateral ventricles: frontal horns and atria/occipital horns; third ventricle
    for side in (-1, 1):
        img[ellipse_mask(x, y, side * 0.065, -0.20, 0.038, 0.12, side * -20.0)] = CSF
        img[ellipse_mask(x, y, side * 0.17, 0.30, 0.045, 0.13, side * 25.0)] = CSF
    img[ellipse_mask(x, y, 0.0, 0.10, 0.012, 0.08)] = CSF
    # septum pellucidum stays between the frontal horns (thin tissue)
    img[(np.abs(x) < 0.008) & (np.abs(y + 0.20) < 0.10)] = WM

    img = downsample(img, oversample)
    img = gaussian_blur(img, 0.6)
    # receive-coil bias field: smooth, brighter towards the periphery/back
    yy, xx = (np.mgrid[0:n, 0:n] + 0.5) / n * 2.0 - 1.0
    bias = 1.0 + 0.06 * (xx**2 + yy**2) + 0.04 * yy
    img *= bias
    # Rician noise: magnitude of a complex signal with Gaussian noise in both channels
    sigma = 18.0
    real = img + rng.normal(0.0, sigma, img.shape)
    imag = rng.normal(0.0, sigma, img.shape)
    img = np.hypot(real, imag)
    stored = np.clip(np.rint(img), 0, 4095).astype(np.int32)

    ds_ = common_attributes(
        file_name=name,
        sop_class=MR_IMAGE_STORAGE,
        modality="MR",
        patient_name="Phantom^Brain",
        patient_id="LUCID-0003",
        patient_sex="O",
        patient_birth_date="19900101",
        study_date="20240303",
        study_time="101500",
        accession="LUCIDACC0003",
        study_id="3",
        study_description="MR BRAIN synthetic",
        series_description="AX T1 SE",
        series_number=3,
        instance_number=10,
        body_part="BRAIN",
    )
    spacing = fov_mm / n
    ds_.update(axial_plane_attributes(name, n, n, spacing, 5.0, 20.0))
    ds_.update(image_pixel_attributes(stored, "MONOCHROME2", 12, signed=False))
    ds_.update(
        {
            0x00080008: ("CS", ["ORIGINAL", "PRIMARY", "M"]),
            0x00180020: ("CS", "SE"),  # Scanning Sequence
            0x00180021: ("CS", "NONE"),  # Sequence Variant
            0x00180022: ("CS", ""),  # Scan Options (type 2)
            0x00180023: ("CS", "2D"),  # MR Acquisition Type
            0x00180024: ("SH", "SE2D"),  # Sequence Name
            0x00180080: ("DS", "500"),  # Repetition Time (ms)
            0x00180081: ("DS", "12"),  # Echo Time (ms)
            0x00180083: ("DS", "1"),  # Number of Averages
            0x00180084: ("DS", "63.87"),  # Imaging Frequency (MHz)
            0x00180085: ("SH", "1H"),  # Imaged Nucleus
            0x00180087: ("DS", "1.5"),  # Magnetic Field Strength (T)
            0x00180088: ("DS", "6"),  # Spacing Between Slices
            0x00180091: ("IS", "1"),  # Echo Train Length
            0x00181314: ("DS", "90"),  # Flip Angle
            0x00200012: ("IS", "1"),  # Acquisition Number
            0x00281050: ("DS", "600"),  # Window Center
            0x00281051: ("DS", "1200"),  # Window Width
        }
    )
    path = os.path.join(out_dir, name)
    with open(path, "wb") as f:
        f.write(part10_bytes(ds_, EXPLICIT_VR_LE))
    return path


# ---------------------------------------------------------------------------
# 4. CT chest, Implicit VR Little Endian, no window
# ---------------------------------------------------------------------------


def make_ct_chest_implicit(out_dir: str) -> str:
    name = "ct_chest_phantom_implicit.dcm"
    n, oversample = 512, 2
    fov_mm = 380.0
    rng = np.random.default_rng(20240404)

    m = n * oversample
    c = ((np.arange(m) + 0.5) / m - 0.5) * fov_mm
    x = np.broadcast_to(c[None, :], (m, m))  # mm, + = patient's left (image right)
    y = np.broadcast_to(c[:, None], (m, m))  # mm, + = posterior (image bottom)

    hu = np.full((m, m), -1000.0)
    # patient table (curved carbon plate) below the patient
    table = ellipse_radius(x, y, 0.0, -200.0, 420.0, 345.0)
    hu[(table >= 1.0) & (table <= 1.012) & (np.abs(x) < 170)] = 250.0
    body = ellipse_radius(x, y, 0.0, 5.0, 165.0, 115.0)
    hu[body <= 1.0] = -100.0  # subcutaneous fat
    muscle = ellipse_radius(x, y, 0.0, 5.0, 152.0, 103.0)
    hu[muscle <= 1.0] = 50.0  # chest wall muscle
    inner = ellipse_radius(x, y, 0.0, 6.0, 142.0, 94.0)
    hu[inner <= 1.0] = 30.0  # mediastinal/other soft tissue
    # ribs: bone ovals on the chest wall with marrow centres
    for angle in np.deg2rad(np.arange(-150, 181, 22.0)):
        if abs(np.rad2deg(angle) - 90.0) < 30.0:  # skip the spine region
            continue
        rx = 0.0 + 138.0 * np.cos(angle)
        ry = 6.0 + 92.0 * np.sin(angle)
        r = ellipse_radius(x, y, rx, ry, 7.0, 4.5, np.rad2deg(angle) + 90.0)
        hu[r <= 1.0] = 700.0
        hu[r <= 0.6] = 220.0
    # lungs with a mild gravity-dependent gradient (posterior slightly denser)
    for side in (-1, 1):
        lr = ellipse_radius(x, y, side * 72.0, 0.0, 62.0, 82.0, side * -8.0)
        lung = lr <= 1.0
        hu[lung] = -860.0 + 0.25 * (y[lung] + 80.0)
    # heart bulging into the left lung, wrapped in a thin layer of pericardial fat
    hu[ellipse_mask(x, y, 22.0, -22.0, 65.0, 53.0, 25.0)] = -90.0
    hu[ellipse_mask(x, y, 22.0, -22.0, 62.0, 50.0, 25.0)] = 40.0
    hu[ellipse_mask(x, y, 28.0, 42.0, 13.0, 13.0)] = 45.0  # descending aorta
    hu[ellipse_mask(x, y, -8.0, 38.0, 7.0, 5.0)] = 40.0  # oesophagus
    hu[ellipse_mask(x, y, -8.0, 38.0, 2.5, 1.8)] = -950.0  # air in the oesophagus
    # pulmonary vessels: small round/oval densities inside the lungs, larger near the hila
    lung_region = hu < -700.0
    for side in (-1, 1):
        for _ in range(110):
            rr = np.sqrt(rng.uniform(0.0, 1.0)) * 0.92
            th = rng.uniform(0, 2 * np.pi)
            vx = side * 72.0 + 62.0 * rr * np.cos(th)
            vy = 82.0 * rr * np.sin(th)
            size = 0.8 + 3.2 * (1.0 - rr) ** 1.5 + rng.uniform(0.0, 0.8)
            elong, angle = rng.uniform(0.8, 1.8), rng.uniform(0, 180)
            vessel = ellipse_mask(x, y, vx, vy, size, size * elong, angle)
            hu[vessel & lung_region] = 35.0
    # thoracic vertebra: body (cancellous with cortical rim), canal, posterior elements
    hu[ellipse_mask(x, y, 0.0, 62.0, 20.0, 17.0)] = 800.0
    hu[ellipse_mask(x, y, 0.0, 62.0, 18.0, 15.0)] = 230.0
    for side in (-1, 1):
        hu[ellipse_mask(x, y, side * 13.0, 86.0, 5.0, 10.0, side * 25.0)] = 650.0  # pedicles/laminae
        hu[ellipse_mask(x, y, side * 30.0, 80.0, 14.0, 4.0, side * 20.0)] = 600.0  # transverse processes
    hu[ellipse_mask(x, y, 0.0, 102.0, 4.0, 12.0)] = 650.0  # spinous process
    hu[ellipse_mask(x, y, 0.0, 86.0, 8.0, 7.0)] = 10.0  # spinal canal (CSF)
    hu[ellipse_mask(x, y, 0.0, -90.0, 14.0, 5.0)] = 500.0  # sternum

    hu = downsample(hu, oversample)
    hu = gaussian_blur(hu, 0.7)
    hu += rng.normal(0.0, 12.0, hu.shape)
    hu = np.clip(np.rint(hu), -1024, 3071)
    stored = (hu + 1024).astype(np.int32)  # unsigned 12-bit, intercept -1024

    ds_ = common_attributes(
        file_name=name,
        sop_class=CT_IMAGE_STORAGE,
        modality="CT",
        patient_name="Phantom^ChestCT",
        patient_id="LUCID-0004",
        patient_sex="O",
        patient_birth_date="19750101",
        study_date="20240404",
        study_time="111500",
        accession="LUCIDACC0004",
        study_id="4",
        study_description="CT CHEST phantom",
        series_description="Chest phantom implicit VR",
        series_number=2,
        instance_number=40,
        body_part="CHEST",
    )
    spacing = fov_mm / n
    ds_.update(axial_plane_attributes(name, n, n, spacing, 2.5, -150.0))
    ds_.update(image_pixel_attributes(stored, "MONOCHROME2", 12, signed=False))
    ds_.update(
        {
            0x00080008: ("CS", ["ORIGINAL", "PRIMARY", "AXIAL"]),
            0x00180060: ("DS", "120"),
            0x00181100: ("DS", ds(fov_mm)),
            0x00200012: ("IS", "1"),
            0x00281052: ("DS", "-1024"),
            0x00281053: ("DS", "1"),
            0x00281054: ("LO", "HU"),
        }
    )
    path = os.path.join(out_dir, name)
    with open(path, "wb") as f:
        f.write(part10_bytes(ds_, IMPLICIT_VR_LE))
    return path


def main(argv: list[str]) -> int:
    out_dir = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out_dir, exist_ok=True)
    for make in (make_ct_head, make_cr_chest, make_mr_brain, make_ct_chest_implicit):
        path = make(out_dir)
        print(f"{path}: {os.path.getsize(path)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
