"""What is compared: each Lucid operation with its parameters, its peers, images and targets."""

import json
import os
import subprocess
from dataclasses import dataclass, field

import cv2
import numpy as np

import peers

ALL_IMAGES = ("ct", "cr", "mg")
SMALL_IMAGES = ("ct", "cr")


@dataclass
class Peer:
    name: str
    make: object  # () -> (uint16 image -> output)
    threaded: bool = True  # False: the library runs on one thread whatever is asked
    target: object = None  # ratio Lucid/peer to reach: a number, or {image: number}
    compare: str = ""  # "exact": same computation; "clip": peer clipped to 12 bits first; "": not compared


@dataclass
class Case:
    op: str
    label: str
    lucid_arguments: list
    peers: list
    images: tuple = ALL_IMAGES
    slow: bool = False  # fewer repeats, no warm-up for the peers


@dataclass
class Row:
    case: Case
    peer: Peer
    image: object
    lucid: tuple  # (MP/s at 1 thread, MP/s at all threads), None when n/a
    peer_rates: tuple
    difference: object  # max |Lucid - peer|, or None


def all_cases():
    """The issue's table, one case per operation and parameter set."""
    opencv = "OpenCV"
    return [
        Case("window", "window c2048 w2048", ["--center", "2048", "--width", "2048"], [
            Peer(f"{opencv} clamp+convertScaleAbs", lambda: peers.window_opencv(2048, 2048), target=2, compare="exact"),
            Peer("numpy float32 (exact)", lambda: peers.window_numpy_exact(2048, 2048), threaded=False,
                 compare="exact")]),
        Case("histeq", "histeq 12-bit", [], [
            Peer("numpy bincount+LUT", lambda: peers.histeq_numpy(12), threaded=False, target=4, compare="exact"),
            Peer("skimage equalize_hist", lambda: peers.histeq_skimage(12), threaded=False)]),
        Case("clahe", "clahe clip 2, 8x8", ["--clip", "2", "--tiles", "8x8"], [
            Peer(f"{opencv} createCLAHE", lambda: peers.clahe_opencv(2.0, 8), target={"ct": 5, "cr": 2, "mg": 2})]),
        Case("gaussian", "gaussian σ1.5", ["--sigma", "1.5"], [
            Peer(f"{opencv} GaussianBlur", lambda: peers.gaussian_opencv(1.5), target=1.5, compare="exact")]),
        Case("gaussian", "gaussian σ2", ["--sigma", "2"], [
            Peer(f"{opencv} GaussianBlur", lambda: peers.gaussian_opencv(2.0), target=1.5, compare="exact")]),
        Case("median", "median 3x3", ["--kernel", "3"], [
            Peer(f"{opencv} medianBlur", lambda: peers.median_opencv(3), target=1, compare="exact")]),
        Case("median", "median 5x5", ["--kernel", "5"], [
            Peer(f"{opencv} medianBlur", lambda: peers.median_opencv(5), target=1.5, compare="exact"),
            Peer("scipy median_filter", lambda: peers.median_scipy(5), threaded=False, compare="exact")],
             images=SMALL_IMAGES),
        Case("median", "median 7x7", ["--kernel", "7"], [
            Peer("SimpleITK Median", lambda: peers.median_simpleitk(7), target=50, compare="exact"),
            Peer("scipy median_filter", lambda: peers.median_scipy(7), threaded=False, compare="exact")],
             images=SMALL_IMAGES, slow=True),
        Case("bilateral", "bilateral d5 σs2 σc100",
             ["--diameter", "5", "--sigma-space", "2", "--sigma-color", "100"], [
                 Peer(f"{opencv} bilateralFilter (float32)", lambda: peers.bilateral_opencv(5, 2, 100), target=2,
                      compare="clip")]),
        Case("bilateral", "bilateral d9 σs4 σc100",
             ["--diameter", "9", "--sigma-space", "4", "--sigma-color", "100"], [
                 Peer(f"{opencv} bilateralFilter (float32)", lambda: peers.bilateral_opencv(9, 4, 100), target=2,
                      compare="clip")], images=SMALL_IMAGES),
        Case("nlm", "nlm h30 t7 s21 L1", ["--h", "30", "--template", "7", "--search", "21"], [
            Peer(f"{opencv} fastNlMeansDenoising", lambda: peers.nlm_opencv(30, 7, 21), target=5)],
             images=SMALL_IMAGES, slow=True),
        Case("unsharp", "unsharp σ2 amount 1", ["--sigma", "2", "--amount", "1"], [
            Peer(f"{opencv} GaussianBlur+addWeighted", lambda: peers.unsharp_opencv(2.0, 1.0), target=1.5,
                 compare="clip")]),
    ]


def run_lucid(lucid, op, arguments, image, threads, repeats, output=None):
    """`lucid bench` on the raw image: MP/s of the best run, or None when this build lacks `op`."""
    command = [lucid, "bench", op, "--input", image.path, "--raw", f"{image.width}x{image.height}", "--bits",
               "12", "--threads", str(threads), "--repeat", str(repeats), "--json", *arguments]
    if output:
        command += ["--output", output]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode == 2 and "unknown op" in result.stderr:
        return None
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()}")
    return json.loads(result.stdout.strip().splitlines()[-1])["mp_per_s"]


def max_difference(lucid_output, peer_output, mode):
    """max |Lucid - peer| over all pixels; for "clip" the peer is rounded and clipped to 12 bits first."""
    if not mode or lucid_output is None or not os.path.exists(lucid_output):
        return None
    ours = cv2.imread(lucid_output, cv2.IMREAD_UNCHANGED).astype(np.int64)
    theirs = np.asarray(peer_output)
    if mode == "clip":
        theirs = np.clip(np.rint(theirs), 0, 4095)
    return int(np.abs(ours - theirs.astype(np.int64)).max())


def run_case(case, image, lucid, folder, threads, quick):
    """Times Lucid and every peer of `case` on `image` at 1 and `threads` threads: one Row per peer."""
    repeats = (1 if quick else 2) if case.slow else (3 if quick else 7)
    counts = [1] if threads == 1 else [1, threads]
    output = os.path.join(folder, f"{case.label.replace(' ', '_')}_{image.name}.png")
    lucid_rates = []
    for count in counts:
        rate = run_lucid(lucid, case.op, case.lucid_arguments, image, count, repeats,
                         output if count == counts[-1] else None)
        if rate is None:
            lucid_rates = None
            break
        lucid_rates.append(rate)
    rows = []
    for peer in case.peers:
        rates, peer_output = [], None
        for count in counts:
            if not peer.threaded and count > 1:
                rates.append(rates[0])  # a one-thread library: its figure at N threads is the same
                continue
            peers.set_threads(count)
            seconds, peer_output = peers.best_seconds(peer.make(), image.pixels, repeats, warm_up=not case.slow)
            rates.append(image.megapixels / seconds)
        difference = max_difference(output if lucid_rates else None, peer_output, peer.compare)
        rows.append(Row(case, peer, image, tuple(lucid_rates) if lucid_rates else None, tuple(rates), difference))
    return rows
