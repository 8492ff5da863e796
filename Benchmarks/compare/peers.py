"""The peer implementations: what a user would otherwise call, set up the way the issue measured them.

Each `make_*` returns a function of one uint16 image giving the peer's output. `threads(n)` caps
every threaded library at n threads; numpy and scipy.ndimage run on one thread whatever n is.
"""

import math
import time

import cv2
import numpy as np
import scipy.ndimage
import SimpleITK as sitk
import skimage
import skimage.exposure


def versions():
    """The peer libraries' versions, for the report."""
    return (f"OpenCV {cv2.__version__}, numpy {np.__version__}, scipy {scipy.__version__}, "
            f"scikit-image {skimage.__version__}, SimpleITK {sitk.Version_VersionString()}")


def set_threads(count):
    """Caps OpenCV and SimpleITK at `count` threads (numpy, scipy.ndimage and skimage use one)."""
    cv2.setNumThreads(count)
    sitk.ProcessObject.SetGlobalDefaultNumberOfThreads(count)


def window_opencv(center, width):
    """LINEAR window with OpenCV: clamp to the window, then convertScaleAbs (rounds half to even)."""
    lower = center - 0.5 - (width - 1) / 2
    upper = center - 0.5 + (width - 1) / 2
    alpha = 255.0 / (width - 1)
    beta = -lower * alpha
    low, high = max(0, math.ceil(lower)), min(65535, math.floor(upper) + 1)
    return lambda image: cv2.convertScaleAbs(cv2.min(cv2.max(image, low), high), alpha=alpha, beta=beta)


def window_numpy_exact(center, width):
    """PS3.3 C.11.2.1.2.1 LINEAR in numpy float32, rounded half up: the standard's result."""
    def run(image):
        x = image.astype(np.float32)
        y = ((x - np.float32(center - 0.5)) / np.float32(width - 1) + np.float32(0.5)) * np.float32(255)
        return np.clip(np.floor(y + np.float32(0.5)), 0, 255).astype(np.uint8)
    return run


def histeq_numpy(bits):
    """Exact global equalisation with numpy: bincount, cumulative sum, OpenCV's equalizeHist rule
    extended to 2^bits levels (round((cdf - cdf[first]) * (2^bits - 1) / (N - cdf[first]))), LUT."""
    top = (1 << bits) - 1

    def run(image):
        histogram = np.bincount(image.ravel(), minlength=top + 1)
        cdf = np.cumsum(histogram)
        first = cdf[np.flatnonzero(histogram)[0]]
        if first == image.size:
            return image.copy()
        lut = np.rint(np.maximum(cdf - first, 0) * (top / (image.size - first))).astype(np.uint16)
        return lut[image]
    return run


def histeq_skimage(bits):
    """scikit-image's equalize_hist with one bin per level (float output, 0...1)."""
    return lambda image: skimage.exposure.equalize_hist(image, nbins=1 << bits)


def clahe_opencv(clip, tiles):
    """OpenCV CLAHE; on 16-bit input it uses 65,536 bins and outputs 0...65535."""
    clahe = cv2.createCLAHE(clipLimit=clip, tileGridSize=(tiles, tiles))
    return clahe.apply


def gaussian_opencv(sigma):
    """OpenCV GaussianBlur, kernel size from sigma, BORDER_REFLECT_101."""
    return lambda image: cv2.GaussianBlur(image, (0, 0), sigma)


def median_opencv(size):
    """OpenCV medianBlur (16-bit only for 3 and 5), BORDER_REPLICATE."""
    return lambda image: cv2.medianBlur(image, size)


def median_scipy(size):
    """scipy.ndimage.median_filter, replicated border (mode nearest), one thread."""
    return lambda image: scipy.ndimage.median_filter(image, size=size, mode="nearest")


def median_simpleitk(size):
    """SimpleITK Median of radius (size-1)/2 (replicated border), conversions included."""
    radius = (size - 1) // 2
    return lambda image: sitk.GetArrayFromImage(sitk.Median(sitk.GetImageFromArray(image), [radius, radius]))


def bilateral_opencv(diameter, sigma_space, sigma_color):
    """OpenCV bilateralFilter on a float32 copy (it refuses 16-bit), conversion included."""
    return lambda image: cv2.bilateralFilter(image.astype(np.float32), diameter, sigma_color, sigma_space)


def nlm_opencv(h, template, search):
    """OpenCV fastNlMeansDenoising on 16-bit data with the L1 norm."""
    return lambda image: cv2.fastNlMeansDenoising(
        image, h=[h], templateWindowSize=template, searchWindowSize=search, normType=cv2.NORM_L1)


def unsharp_opencv(sigma, amount):
    """Unsharp mask with OpenCV: GaussianBlur, then addWeighted (saturating to 0...65535)."""
    def run(image):
        blurred = cv2.GaussianBlur(image, (0, 0), sigma)
        return cv2.addWeighted(image, 1 + amount, blurred, -amount, 0)
    return run


def best_seconds(function, image, repeats, warm_up=True):
    """The fastest of `repeats` timed calls (after one untimed call when `warm_up`), and the output."""
    output = function(image) if warm_up else None
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        output = function(image)
        best = min(best, time.perf_counter() - start)
    return best, output


def memory_copy_gigabytes_per_second(source, repeats=7):
    """Bytes read plus written per second copying `source` with numpy (one thread), in GB/s."""
    target = np.empty_like(source)
    seconds, _ = best_seconds(lambda data: np.copyto(target, data), source, repeats)
    return 2 * source.nbytes / seconds / 1e9


def main_memory_copy_gigabytes_per_second():
    """The same for a 128 MiB buffer, four times this machine kind's 32 MiB L3 cache: main memory."""
    return memory_copy_gigabytes_per_second(np.ones(64 << 20, np.uint16))
