"""The pipeline benchmark's input: CR-sized 12-bit DICOM files, each with its own seed and window.

The pixels are the chest-radiograph phantom of `compare/images.py` (direct exposure around a body with
smooth anatomy, rib bands and Gaussian noise), one seed per file, so no two files are alike. Every
fourth file is MONOCHROME1 (stored = 4095 - value, so it displays like the others). Each file carries
one window, Window Center/Width from the 1st and 99th percentiles of its own stored values, and no
Modality LUT (the VOI LUT Function defaults to LINEAR). Files are DICOM Part 10, CR Image Storage,
Explicit VR Little Endian, written by pydicom.
"""

import os

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, PYDICOM_IMPLEMENTATION_UID, generate_uid

import images  # compare/images.py: the CR phantom

WIDTH, HEIGHT, BITS = 2048, 2500, 12
CR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1"
UID_ROOT = "1.2.826.0.1.3680043.8.498."  # pydicom's root, with deterministic entropy below


def pixels(seed):
    """The stored samples of file `seed` (uint16, 0...4095) before any MONOCHROME1 inversion."""
    rng = np.random.default_rng(1000 + seed)
    image = images.cr(rng, WIDTH, HEIGHT)
    return np.clip(np.rint(image), 0, (1 << BITS) - 1).astype(np.uint16)


def dataset(seed, stored, photometric, center, width):
    """A CR Image Storage data set holding `stored` (uint16 rows x columns)."""
    uid = lambda what: generate_uid(UID_ROOT, entropy_srcs=["lucid-pipeline-benchmark", what, str(seed)])
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CR_IMAGE_STORAGE
    meta.MediaStorageSOPInstanceUID = uid("instance")
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID

    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID = CR_IMAGE_STORAGE
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyDate = "20260101"
    ds.Modality = "CR"
    ds.BodyPartExamined = "CHEST"
    ds.PatientName = f"Benchmark^Pipeline{seed:02d}"
    ds.PatientID = f"PBENCH{seed:02d}"
    ds.PatientBirthDate = ""
    ds.PatientSex = ""
    ds.StudyInstanceUID = uid("study")
    ds.SeriesInstanceUID = uid("series")
    ds.StudyID = "1"
    ds.SeriesNumber = 1
    ds.InstanceNumber = seed + 1
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = photometric
    ds.Rows, ds.Columns = stored.shape
    ds.BitsAllocated = 16
    ds.BitsStored = BITS
    ds.HighBit = BITS - 1
    ds.PixelRepresentation = 0
    ds.WindowCenter = center
    ds.WindowWidth = width
    ds.WindowCenterWidthExplanation = "1st-99th percentile"
    ds.PixelData = stored.astype("<u2").tobytes()
    ds["PixelData"].VR = "OW"
    return ds


def write(seed, folder):
    """Writes `<folder>/cr_<seed>.dcm` and returns (path, photometric, center, width)."""
    stored = pixels(seed)
    photometric = "MONOCHROME1" if seed % 4 == 3 else "MONOCHROME2"
    if photometric == "MONOCHROME1":
        stored = (1 << BITS) - 1 - stored
    low, high = np.percentile(stored, [1, 99])
    center, width = int(round((low + high) / 2)), max(2, int(round(high - low)))
    path = os.path.join(folder, f"cr_{seed:02d}.dcm")
    dataset(seed, stored, photometric, center, width).save_as(path, enforce_file_format=True)
    return path, photometric, center, width


def write_all(count, folder, processes=2):
    """Writes `count` files into `folder` (in parallel) and returns their descriptions, by seed."""
    from multiprocessing import Pool
    with Pool(processes) as pool:
        return pool.starmap(write, [(seed, folder) for seed in range(count)])
