#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets: one folder per target under OUT (default
Fuzz/.build/fuzz/generated).

- FuzzDICOM: the SampleImages/ files cut down to at most 24 x 24 pixels (headers kept), and tiny
  images in every transfer syntax Lucid reads (Implicit/Explicit VR Little Endian, Explicit VR Big
  Endian, Deflated, RLE Lossless, JPEG Baseline, JPEG Lossless SV1 and other predictors), 8 and
  16 bits, signed, Bits Stored 12, MONOCHROME1, multi-frame with and without a Basic Offset Table,
  enhanced functional groups, Modality and VOI LUT Sequences, pixel padding, no preamble, ACR-NEMA.
- FuzzPNG: grayscale 1/2/4/8/16-bit, interlaced, with tEXt/zTXt/iTXt chunks; RGB, palette and
  grayscale+alpha files (refused paths).
- FuzzJPEG: baseline JPEGs, 1 and 3 components, with and without restart intervals, and one
  JPEG Lossless stream (refused).
- FuzzSteps: the presets' pipelines, every step with and without arguments, window values.
- FuzzArchivePath: header values separated by 0xFF (see Fuzz/Sources/FuzzArchivePath).
- FuzzDICOMweb: a selector byte, then a STOW-RS reply, a QIDO-RS reply, a netrc file, a DICOM file
  or a URL (see Fuzz/Sources/FuzzDICOMweb).

Everything is computed here (standard library only, Python 3.11): the JPEG encoders use flat
Huffman tables, the RLE encoder is PackBits (PS3.5 Annex G). The output is deterministic. The
committed seeds in Fuzz/seeds/ are these files minimised by `Fuzz/run --minimise`.

Run from anywhere: python3 Fuzz/make_seeds.py [OUT]
"""

import math
import os
import struct
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

IMPLICIT_LE = "1.2.840.10008.1.2"
EXPLICIT_LE = "1.2.840.10008.1.2.1"
DEFLATED = "1.2.840.10008.1.2.1.99"
EXPLICIT_BE = "1.2.840.10008.1.2.2"
JPEG_BASELINE = "1.2.840.10008.1.2.4.50"
JPEG_EXTENDED = "1.2.840.10008.1.2.4.51"
JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57"
JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70"
JPEG_LS = "1.2.840.10008.1.2.4.80"
JPEG_2000 = "1.2.840.10008.1.2.4.90"
RLE = "1.2.840.10008.1.2.5"
LONG_VRS = {"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"}
UNDEFINED = 0xFFFFFFFF


# DICOM encoding (PS3.5 §7) -----------------------------------------------------------------------

class Encoding:
    def __init__(self, explicit: bool = True, big: bool = False):
        self.explicit, self.big = explicit, big

    def pack(self, fmt: str, *values) -> bytes:
        return struct.pack((">" if self.big else "<") + fmt, *values)

    def element(self, group: int, element: int, vr: str, value: bytes, length: int | None = None) -> bytes:
        if len(value) % 2:
            value += b"\x00" if vr in ("UI", "OB", "UN") else b" "
        size = len(value) if length is None else length
        if not self.explicit:
            return self.pack("HHI", group, element, size) + value
        if vr in LONG_VRS:
            return self.pack("HH", group, element) + vr.encode() + b"\x00\x00" + self.pack("I", size) + value
        return self.pack("HH", group, element) + vr.encode() + self.pack("H", size) + value

    def text(self, group: int, element: int, vr: str, value: str) -> bytes:
        return self.element(group, element, vr, value.encode("latin-1"))

    def us(self, group: int, element: int, *values: int) -> bytes:
        return self.element(group, element, "US", b"".join(self.pack("H", v) for v in values))

    def words(self, values: list[int]) -> bytes:
        return b"".join(self.pack("H", v & 0xFFFF) for v in values)

    def sequence(self, group: int, element: int, items: list[bytes], undefined: bool = False) -> bytes:
        body = b""
        for item in items:
            if undefined:
                body += self.pack("HHI", 0xFFFE, 0xE000, UNDEFINED) + item + self.pack("HHI", 0xFFFE, 0xE00D, 0)
            else:
                body += self.pack("HHI", 0xFFFE, 0xE000, len(item)) + item
        if undefined:
            return self.element(group, element, "SQ", body + self.pack("HHI", 0xFFFE, 0xE0DD, 0), UNDEFINED)
        return self.element(group, element, "SQ", body)


def part10(syntax: str, body: bytes, preamble: bool = True) -> bytes:
    meta_encoding = Encoding()
    meta = meta_encoding.element(0x0002, 0x0001, "OB", b"\x00\x01")
    meta += meta_encoding.text(0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.7")
    meta += meta_encoding.text(0x0002, 0x0003, "UI", "2.25.1")
    meta += meta_encoding.text(0x0002, 0x0010, "UI", syntax)
    head = meta_encoding.element(0x0002, 0x0000, "UL", struct.pack("<I", len(meta)))
    return (b"\x00" * 128 if preamble else b"") + b"DICM" + head + meta + body


def header(enc: Encoding, rows: int, columns: int, *, bits_allocated: int = 16, bits_stored: int = 16,
           signed: bool = False, photometric: str = "MONOCHROME2", frames: int | None = None,
           modality: str = "CT", extra: bytes = b"") -> bytes:
    """The attributes before Pixel Data, ascending: identity, Image Pixel module, windows."""
    out = enc.text(0x0008, 0x0005, "CS", "ISO_IR 100")
    out += enc.text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7")
    out += enc.text(0x0008, 0x0018, "UI", "2.25.1")
    out += enc.text(0x0008, 0x0020, "DA", "20240115")
    out += enc.text(0x0008, 0x0060, "CS", modality)
    out += enc.text(0x0010, 0x0010, "PN", "Seed^Fuzz")
    out += enc.text(0x0010, 0x0020, "LO", "FUZZ-0001")
    out += enc.text(0x0018, 0x0015, "CS", "CHEST")
    out += enc.text(0x0020, 0x000D, "UI", "2.25.2")
    out += enc.text(0x0020, 0x000E, "UI", "2.25.3")
    out += enc.text(0x0020, 0x0011, "IS", "2")
    out += enc.us(0x0028, 0x0002, 1)
    out += enc.text(0x0028, 0x0004, "CS", photometric)
    if frames is not None:
        out += enc.text(0x0028, 0x0008, "IS", str(frames))
    out += enc.us(0x0028, 0x0010, rows)
    out += enc.us(0x0028, 0x0011, columns)
    out += enc.us(0x0028, 0x0100, bits_allocated)
    out += enc.us(0x0028, 0x0101, bits_stored)
    out += enc.us(0x0028, 0x0102, bits_stored - 1)
    out += enc.us(0x0028, 0x0103, 1 if signed else 0)
    return out + extra


def ramp(rows: int, columns: int, bits: int, signed: bool = False, frame: int = 0) -> list[int]:
    """Stored values: a diagonal ramp with a bright square, within `bits` bits."""
    top = (1 << bits) - 1
    values = []
    for y in range(rows):
        for x in range(columns):
            v = ((x + y + frame) * top) // max(1, rows + columns)
            if rows // 4 <= y < rows // 2 and columns // 4 <= x < columns // 2:
                v = top - v // 3
            values.append(v - (1 << (bits - 1)) if signed else v)
    return values


def native_pixels(enc: Encoding, values: list[int], bits_allocated: int) -> bytes:
    if bits_allocated == 8:
        return enc.element(0x7FE0, 0x0010, "OB", bytes(v & 0xFF for v in values))
    return enc.element(0x7FE0, 0x0010, "OW", enc.words(values))


def encapsulated(fragments: list[bytes], offsets: list[int] | None = None) -> bytes:
    """(7FE0,0010) with undefined length: Basic Offset Table item, fragments, delimiter (PS3.5 A.4)."""
    le = Encoding()
    table = b"".join(struct.pack("<I", o) for o in (offsets or []))
    body = struct.pack("<HHI", 0xFFFE, 0xE000, len(table)) + table
    for fragment in fragments:
        if len(fragment) % 2:
            fragment += b"\x00"
        body += struct.pack("<HHI", 0xFFFE, 0xE000, len(fragment)) + fragment
    body += struct.pack("<HHI", 0xFFFE, 0xE0DD, 0)
    return le.pack("HH", 0x7FE0, 0x0010) + b"OB\x00\x00" + le.pack("I", UNDEFINED) + body


# RLE Lossless (PS3.5 Annex G) --------------------------------------------------------------------

def packbits(data: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(data):
        run = 1
        while i + run < len(data) and run < 128 and data[i + run] == data[i]:
            run += 1
        if run >= 3:
            out += bytes([257 - run, data[i]])
            i += run
            continue
        start = i
        while i < len(data) and i - start < 128 and not (i + 2 < len(data) and data[i] == data[i + 1] == data[i + 2]):
            i += 1
        out += bytes([i - start - 1]) + data[start:i]
    if len(out) % 2:
        out.append(0x80)  # a no-op byte keeps the segment even
    return bytes(out)


def rle_frame(values: list[int], bits_allocated: int) -> bytes:
    planes = [bytes((v >> 8) & 0xFF for v in values), bytes(v & 0xFF for v in values)] if bits_allocated == 16 \
        else [bytes(v & 0xFF for v in values)]
    segments = [packbits(p) for p in planes]
    offsets, position = [], 64
    for segment in segments:
        offsets.append(position)
        position += len(segment)
    head = struct.pack("<I", len(segments)) + b"".join(struct.pack("<I", o) for o in offsets)
    return head + b"\x00" * (64 - len(head)) + b"".join(segments)


# JPEG (ITU-T T.81) with flat Huffman tables ------------------------------------------------------

class BitWriter:
    def __init__(self):
        self.out, self.accumulator, self.count = bytearray(), 0, 0

    def write(self, value: int, bits: int) -> None:
        for shift in range(bits - 1, -1, -1):
            self.accumulator = (self.accumulator << 1) | ((value >> shift) & 1)
            self.count += 1
            if self.count == 8:
                self.out.append(self.accumulator)
                if self.accumulator == 0xFF:
                    self.out.append(0)
                self.accumulator, self.count = 0, 0

    def flush(self) -> bytes:
        while self.count:
            self.write(1, 1)
        return bytes(self.out)


def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def flat_table(table_class: int, identifier: int, symbols: list[int], length: int) -> bytes:
    """A DHT table whose codes all have `length` bits: code i is i."""
    counts = [0] * 16
    counts[length - 1] = len(symbols)
    return bytes([(table_class << 4) | identifier]) + bytes(counts) + bytes(symbols)


def category(value: int) -> int:
    return abs(value).bit_length()


def magnitude_bits(value: int, size: int) -> int:
    return value if value >= 0 else value + (1 << size) - 1


AC_SYMBOLS = [0x00, 0xF0] + [(run << 4) | size for run in range(16) for size in range(1, 11)]
ZIGZAG = sorted(range(64), key=lambda i: (i // 8 + i % 8, (i % 8) if (i // 8 + i % 8) % 2 else (i // 8)))


def jpeg_baseline(planes: list[list[int]], width: int, height: int, restart: int = 0, quant: int = 4) -> bytes:
    """Baseline sequential JPEG, no subsampling, one table set; `planes` hold 0...255 samples."""
    out = b"\xff\xd8" + segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    out += segment(0xDB, bytes([0]) + bytes([quant] * 64))
    sof = bytes([8]) + struct.pack(">HH", height, width) + bytes([len(planes)])
    for index in range(len(planes)):
        sof += bytes([index + 1, 0x11, 0])
    out += segment(0xC0, sof)
    out += segment(0xC4, flat_table(0, 0, list(range(12)), 4) + flat_table(1, 0, AC_SYMBOLS, 8))
    if restart:
        out += segment(0xDD, struct.pack(">H", restart))
    sos = bytes([len(planes)]) + b"".join(bytes([i + 1, 0x00]) for i in range(len(planes))) + bytes([0, 63, 0])
    out += segment(0xDA, sos)
    blocks_x, blocks_y = (width + 7) // 8, (height + 7) // 8
    writer, predictions, mcu, scan = BitWriter(), [0] * len(planes), 0, b""
    cosines = [[math.cos((2 * x + 1) * u * math.pi / 16) for x in range(8)] for u in range(8)]
    for by in range(blocks_y):
        for bx in range(blocks_x):
            if restart and mcu and mcu % restart == 0:
                scan += writer.flush() + bytes([0xFF, 0xD0 + (mcu // restart - 1) % 8])
                writer, predictions = BitWriter(), [0] * len(planes)
            mcu += 1
            for index, plane in enumerate(planes):
                block = [[plane[min(by * 8 + y, height - 1) * width + min(bx * 8 + x, width - 1)] - 128
                          for x in range(8)] for y in range(8)]
                coefficients = [0] * 64
                for v in range(8):
                    for u in range(8):
                        total = sum(block[y][x] * cosines[u][x] * cosines[v][y] for y in range(8) for x in range(8))
                        scale = (1 / math.sqrt(2) if u == 0 else 1) * (1 / math.sqrt(2) if v == 0 else 1)
                        coefficients[v * 8 + u] = round(total * scale / 4 / quant)
                zigzag = [coefficients[i] for i in ZIGZAG]
                difference = zigzag[0] - predictions[index]
                predictions[index] = zigzag[0]
                size = category(difference)
                writer.write(size, 4)
                writer.write(magnitude_bits(difference, size), size)
                run = 0
                for value in zigzag[1:]:
                    if value == 0:
                        run += 1
                        continue
                    while run > 15:
                        writer.write(AC_SYMBOLS.index(0xF0), 8)
                        run -= 16
                    size = category(value)
                    writer.write(AC_SYMBOLS.index((run << 4) | size), 8)
                    writer.write(magnitude_bits(value, size), size)
                    run = 0
                if run:
                    writer.write(AC_SYMBOLS.index(0x00), 8)
    return out + scan + writer.flush() + b"\xff\xd9"


def jpeg_lossless(values: list[int], width: int, height: int, precision: int, predictor: int = 1) -> bytes:
    """JPEG Lossless process 14 (SOF3), one component, point transform 0 (T.81 Annex H)."""
    out = b"\xff\xd8"
    out += segment(0xC3, bytes([precision]) + struct.pack(">HH", height, width) + bytes([1, 1, 0x11, 0]))
    out += segment(0xC4, flat_table(0, 0, list(range(17)), 5))
    out += segment(0xDA, bytes([1, 1, 0x00, predictor, 0, 0]))
    writer = BitWriter()
    at = lambda x, y: values[y * width + x]  # noqa: E731
    for y in range(height):
        for x in range(width):
            if x == 0 and y == 0:
                prediction = 1 << (precision - 1)
            elif y == 0:
                prediction = at(x - 1, y)
            elif x == 0:
                prediction = at(x, y - 1)
            else:
                a, b, c = at(x - 1, y), at(x, y - 1), at(x - 1, y - 1)
                prediction = [0, a, b, c, a + b - c, a + ((b - c) >> 1), b + ((a - c) >> 1), (a + b) // 2][predictor]
            difference = (at(x, y) - prediction) & 0xFFFF
            if difference >= 0x8000:
                difference -= 0x10000
            size = 16 if difference == -0x8000 else category(difference)
            writer.write(size, 5)
            if size < 16:
                writer.write(magnitude_bits(difference, size), size)
    return out + writer.flush() + b"\xff\xd9"


# Seeds -------------------------------------------------------------------------------------------

def dicom_seeds() -> dict[str, bytes]:
    seeds: dict[str, bytes] = {}
    le, ile, be = Encoding(), Encoding(explicit=False), Encoding(big=True)
    rows, columns = 12, 10
    window = lambda enc: (enc.text(0x0028, 0x1050, "DS", "1000\\2000") + enc.text(0x0028, 0x1051, "DS", "2000\\500")  # noqa: E731
                          + enc.text(0x0028, 0x1052, "DS", "-1024") + enc.text(0x0028, 0x1053, "DS", "1")
                          + enc.text(0x0028, 0x1055, "LO", "A\\B") + enc.text(0x0028, 0x1056, "CS", "SIGMOID"))
    for name, enc, syntax in [("ivrle", ile, IMPLICIT_LE), ("evrle", le, EXPLICIT_LE), ("evrbe", be, EXPLICIT_BE)]:
        values = ramp(rows, columns, 12)
        body = header(enc, rows, columns, bits_stored=12, extra=window(enc)) + native_pixels(enc, values, 16)
        seeds[f"native16_{name}.dcm"] = part10(syntax, body)
    values = ramp(rows, columns, 16, signed=True)
    padding = le.element(0x0028, 0x0120, "SS", struct.pack("<h", -32768))
    body = header(le, rows, columns, signed=True, extra=padding + window(le)) + native_pixels(le, values, 16)
    seeds["signed16_padding.dcm"] = part10(EXPLICIT_LE, body)
    values = ramp(7, 5, 8)
    body = header(le, 7, 5, bits_allocated=8, bits_stored=8, photometric="MONOCHROME1", modality="CR")
    seeds["mono1_8bit_odd.dcm"] = part10(EXPLICIT_LE, body + native_pixels(le, values, 8))
    multi = [v for f in range(3) for v in ramp(rows, columns, 12, frame=f)]
    body = header(le, rows, columns, bits_stored=12, frames=3, modality="MR") + native_pixels(le, multi, 16)
    seeds["multiframe3.dcm"] = part10(EXPLICIT_LE, body)
    # Enhanced multi-frame: per-frame and shared functional groups with VOI and rescale.
    frame_voi = lambda c, w: le.sequence(0x0028, 0x9132, [le.text(0x0028, 0x1050, "DS", c)  # noqa: E731
                                                          + le.text(0x0028, 0x1051, "DS", w)])
    shared = le.sequence(0x0028, 0x9145, [le.text(0x0028, 0x1052, "DS", "-1024") + le.text(0x0028, 0x1053, "DS", "2")
                                          + le.text(0x0028, 0x1054, "LO", "HU")])
    groups = le.sequence(0x5200, 0x9229, [shared], undefined=True)
    groups += le.sequence(0x5200, 0x9230, [frame_voi("40", "400"), frame_voi("-600", "1500")])
    two = [v for f in range(2) for v in ramp(rows, columns, 12, frame=f)]
    body = header(le, rows, columns, bits_stored=12, frames=2) + groups + native_pixels(le, two, 16)
    seeds["enhanced2.dcm"] = part10(EXPLICIT_LE, body)
    # Modality LUT Sequence and VOI LUT Sequence (8- and 16-bit entries).
    lut = lambda bits, count: (le.us(0x0028, 0x3002, count, 0, bits)  # noqa: E731
                               + le.element(0x0028, 0x3006, "OW", le.words([(i * 37) % (1 << bits) for i in range(count)])))
    luts = le.sequence(0x0028, 0x3000, [lut(12, 64) + le.text(0x0028, 0x3004, "LO", "HU")])
    luts += le.sequence(0x0028, 0x3010, [lut(8, 256), lut(16, 300)], undefined=True)
    body = header(le, rows, columns, bits_stored=8, extra=luts) + native_pixels(le, ramp(rows, columns, 8), 16)
    seeds["lut_sequences.dcm"] = part10(EXPLICIT_LE, body)
    # Deflated Explicit VR Little Endian: the data set after the File Meta is raw deflate.
    body = header(le, rows, columns, bits_stored=12, extra=window(le)) + native_pixels(le, ramp(rows, columns, 12), 16)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    seeds["deflated.dcm"] = part10(DEFLATED, compressor.compress(body) + compressor.flush())
    # RLE: 16-bit two frames with an offset table, 8-bit one frame.
    frames = [rle_frame(ramp(rows, columns, 16, frame=f), 16) for f in range(2)]
    body = header(le, rows, columns, frames=2) + encapsulated(frames, [0, len(frames[0]) + 8 + len(frames[0]) % 2])
    seeds["rle16_2frames.dcm"] = part10(RLE, body)
    body = header(le, 7, 5, bits_allocated=8, bits_stored=8) + encapsulated([rle_frame(ramp(7, 5, 8), 8)])
    seeds["rle8.dcm"] = part10(RLE, body)
    # JPEG Baseline 8-bit: one frame, two frames without an offset table.
    plane = ramp(16, 16, 8)
    body = header(le, 16, 16, bits_allocated=8, bits_stored=8) + encapsulated([jpeg_baseline([plane], 16, 16)])
    seeds["jpeg_baseline.dcm"] = part10(JPEG_BASELINE, body)
    streams = [jpeg_baseline([ramp(9, 11, 8, frame=f)], 11, 9) for f in range(2)]
    body = header(le, 9, 11, bits_allocated=8, bits_stored=8, frames=2) + encapsulated(streams)
    seeds["jpeg_baseline_2frames.dcm"] = part10(JPEG_EXTENDED, body)
    # JPEG Lossless: SV1 16-bit signed, 12-bit predictor 7 split in two fragments.
    values = ramp(rows, columns, 16)
    body = header(le, rows, columns, signed=True, extra=window(le))
    seeds["jpegll_sv1.dcm"] = part10(JPEG_LOSSLESS_SV1, body + encapsulated([jpeg_lossless(values, columns, rows, 16)]))
    stream = jpeg_lossless(ramp(rows, columns, 12), columns, rows, 12, predictor=7)
    body = header(le, rows, columns, bits_stored=12) + encapsulated([stream[:40], stream[40:]])
    seeds["jpegll_p7_fragments.dcm"] = part10(JPEG_LOSSLESS, body)
    # Refused syntaxes, no preamble, ACR-NEMA (no File Meta), colour.
    body = header(le, rows, columns) + encapsulated([b"\xff\x4f\xff\x51" + b"\x00" * 30])
    seeds["j2k_refused.dcm"] = part10(JPEG_2000, body)
    seeds["jpegls_refused.dcm"] = part10(JPEG_LS, header(le, rows, columns) + encapsulated([b"\xff\xd8\xff\xf7"]))
    body = header(le, rows, columns) + native_pixels(le, ramp(rows, columns, 16), 16)
    seeds["no_preamble.dcm"] = part10(EXPLICIT_LE, body, preamble=False)
    seeds["acr_nema.dcm"] = header(ile, rows, columns) + native_pixels(ile, ramp(rows, columns, 16), 16)
    body = header(le, 4, 4, bits_allocated=8, bits_stored=8, photometric="RGB") + native_pixels(le, [0] * 48, 8)
    seeds["rgb_refused.dcm"] = part10(EXPLICIT_LE, body)
    return seeds


def shrink_sample(data: bytes, limit: int = 24) -> bytes:
    """A SampleImages file with its pixels subsampled to at most `limit` x `limit`, header kept.
    The samples are Part 10, Explicit or Implicit VR Little Endian, no sequences, 16-bit OW."""
    meta_length = struct.unpack_from("<I", data, 132 + 8)[0]
    start = 132 + 12 + meta_length
    explicit = b"1.2.840.10008.1.2.1" in data[132:start]
    elements, position = [], start
    while position < len(data):
        group, element = struct.unpack_from("<HH", data, position)
        if explicit:
            vr = data[position + 4:position + 6].decode()
            if vr in LONG_VRS:
                length, head = struct.unpack_from("<I", data, position + 8)[0], 12
            else:
                length, head = struct.unpack_from("<H", data, position + 6)[0], 8
        else:
            vr, length, head = "", struct.unpack_from("<I", data, position + 4)[0], 8
        elements.append([group, element, vr, data[position:position + head], data[position + head:position + head + length]])
        position += head + length
    value = {(g, e): v for g, e, _, _, v in elements}
    rows, columns = struct.unpack("<H", value[(0x0028, 0x0010)])[0], struct.unpack("<H", value[(0x0028, 0x0011)])[0]
    step = max(1, math.ceil(max(rows, columns) / limit))
    new_rows, new_columns = len(range(0, rows, step)), len(range(0, columns, step))
    pixels = value[(0x7FE0, 0x0010)]
    small = b"".join(pixels[(y * columns + x) * 2:(y * columns + x) * 2 + 2]
                     for y in range(0, rows, step) for x in range(0, columns, step))
    out = data[:start]
    for group, element, vr, head, content in elements:
        if (group, element) == (0x0028, 0x0010):
            content = struct.pack("<H", new_rows)
        elif (group, element) == (0x0028, 0x0011):
            content = struct.pack("<H", new_columns)
        elif (group, element) == (0x7FE0, 0x0010):
            content = small
            head = head[:-4] + struct.pack("<I", len(small))
        out += head + content
    return out


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def png_rows(values: list[int], width: int, height: int, depth: int, channels: int = 1) -> list[bytes]:
    rows = []
    for y in range(height):
        row = values[y * width * channels:(y + 1) * width * channels]
        if depth == 16:
            rows.append(b"".join(struct.pack(">H", v) for v in row))
        elif depth == 8:
            rows.append(bytes(row))
        else:
            bits = "".join(format(v, f"0{depth}b") for v in row)
            bits += "0" * (-len(bits) % 8)
            rows.append(bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8)))
    return rows


def png(values: list[int], width: int, height: int, depth: int, colour: int = 0, interlaced: bool = False,
        extra: bytes = b"") -> bytes:
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    raw = b""
    if interlaced:
        for x0, y0, dx, dy in [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]:
            xs, ys = range(x0, width, dx), range(y0, height, dy)
            if not xs or not ys:
                continue
            sub = [values[(y * width + x) * channels + c] for y in ys for x in xs for c in range(channels)]
            raw += b"".join(b"\x00" + row for row in png_rows(sub, len(xs), len(ys), depth, channels))
    else:
        rows = png_rows(values, width, height, depth, channels)
        raw = b"".join((b"\x01" + bytes((row[i] - (row[i - 1] if i else 0)) & 0xFF for i in range(len(row))))
                       if y % 2 and depth == 8 else b"\x00" + row for y, row in enumerate(rows))
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 1 if interlaced else 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + extra + png_chunk(b"IDAT", zlib.compress(raw, 9))
            + png_chunk(b"IEND", b""))


def png_seeds() -> dict[str, bytes]:
    seeds = {}
    for depth in (1, 2, 4, 8, 16):
        seeds[f"gray{depth}.png"] = png(ramp(9, 13, depth), 13, 9, depth)
    seeds["gray8_interlaced.png"] = png(ramp(11, 10, 8), 10, 11, 8, interlaced=True)
    seeds["gray16_interlaced.png"] = png(ramp(9, 9, 16), 9, 9, 16, interlaced=True)
    text = png_chunk(b"tEXt", b"Software\x00Lucid 0.1.0") + png_chunk(b"zTXt", b"Steps\x00\x00" + zlib.compress(b"window:file"))
    text += png_chunk(b"iTXt", b"Source\x00\x00\x00\x00\x00" + "caf\u00e9 \u2603.dcm".encode())
    seeds["gray16_text.png"] = png(ramp(4, 4, 16), 4, 4, 16, extra=text)
    seeds["rgb8.png"] = png([v for v in ramp(4, 4, 8) for _ in range(3)], 4, 4, 8, colour=2)
    seeds["gray_alpha8.png"] = png([v for v in ramp(4, 4, 8) for _ in range(2)], 4, 4, 8, colour=4)
    palette = png_chunk(b"PLTE", bytes(range(12)))
    seeds["palette4.png"] = png([i % 4 for i in range(16)], 4, 4, 4, colour=3, extra=palette)
    return seeds


def jpeg_seeds() -> dict[str, bytes]:
    plane = ramp(16, 16, 8)
    return {
        "gray.jpg": jpeg_baseline([plane], 16, 16),
        "gray_odd.jpg": jpeg_baseline([ramp(9, 13, 8)], 13, 9, quant=16),
        "gray_restart.jpg": jpeg_baseline([ramp(16, 24, 8)], 24, 16, restart=2),
        "ycbcr.jpg": jpeg_baseline([plane, [128] * 256, [255 - v for v in plane]], 16, 16),
        "lossless_refused.jpg": jpeg_lossless(ramp(8, 8, 12), 8, 8, 12),
    }


def steps_seeds() -> dict[str, bytes]:
    texts = [
        "denoise:median:3 | clahe:clip=2,tiles=8x8 | unsharp:sigma=1.5,amount=0.6 | window:file",
        "denoise:bilateral:diameter=5,sigma-space=1.5,sigma-color=8 | window:brain",
        "window:lung", "window:-600,1500", "window:file:2", "window:lut:1", "window:minmax", "window:auto",
        "median:5", "denoise:gaussian:1.5", "gaussian:sigma=0.8", "bilateral", "nlm:h=10,template=3,search=7",
        "denoise:nlm", "clahe:3", "clahe:clip=1.5,tiles=2x3", "equalize", "histeq | window:bone", "unsharp:0.5",
        "unsharp:sigma=1,amount=2 | window:40,400", "chest-xray", "ct-brain", "auto", "file-window",
        "temporal-bone", "40,400", "file:1",
    ]
    return {f"steps{index:02}.txt": text.encode() for index, text in enumerate(texts)}


def archive_seeds() -> dict[str, bytes]:
    records = [
        ["ISO_IR 100", "LUCID-0001", "Phantom^Head", "2.25.1829", "20240115", "2.25.2346", "2", "CT", "2.25.2950",
         "window:brain"],
        ["", "../../etc", "x", "1.2.3", "2024/01/15", "..", "-1", "C T", "1.2.840.10008.1", "median:3 | window:file"],
        ["ISO_IR 192", "Gr\u00fcn \u2603", "\u5c71\u7530^\u592a\u90ce", " 1.2 ", "", "/abs/path", "", "", "2.25.7"],
        ["", "." * 70, "a" * 80, "9" * 64, "20240101", ".hidden", "007", "MR\\CT", "1.22.333"],
        ["", " \x00 ", "", "", "", "", "", "", "2.25.0"],
    ]
    return {f"header{index}.bin": b"\xff".join(field.encode() for field in record) for index, record in enumerate(records)}


def dicomweb_seeds() -> dict[str, bytes]:
    stow = ('{"00081190":{"vr":"UR","Value":["http://x/studies/1"]},'
            '"00081198":{"vr":"SQ","Value":[{"00081150":{"vr":"UI","Value":["1.2"]},'
            '"00081155":{"vr":"UI","Value":["9.9"]},"00081197":{"vr":"US","Value":[272]}}]},'
            '"00081199":{"vr":"SQ","Value":[{"00081150":{"vr":"UI","Value":["1.2"]},'
            '"00081155":{"vr":"UI","Value":["1.2.3"]}}]}}')
    qido = ('[{"0020000D":{"vr":"UI","Value":["1"]},"0020000E":{"vr":"UI","Value":["1.1"]},'
            '"00080018":{"vr":"UI","Value":["1.1.1"]}},{"00080018":{"vr":"UI"}}]')
    netrc = ('# site PACS\nmachine pacs.example login tech password "pa ss\\"word"\n'
             'macdef init\ncd /\n\ndefault login anonymous password guest account x\n')
    small = dicom_seeds()
    first = small[sorted(small)[0]]
    return {
        "stow.json": b"\x00" + stow.encode(), "qido.json": b"\x01" + qido.encode(),
        "netrc.txt": b"\x02" + netrc.encode(), "part.dcm": b"\x03" + first,
        "url.txt": b"\x04" + b"https://user:pw@pacs.example:8042/dicom-web?x=@y",
    }


def write_seed_sets(sets: dict, out: str) -> None:
    """Writes each target's seeds (name -> bytes) to out/TARGET/NAME and says how many."""
    for target, seeds in sets.items():
        folder = os.path.join(out, target)
        os.makedirs(folder, exist_ok=True)
        for name, data in seeds.items():
            with open(os.path.join(folder, name), "wb") as handle:
                handle.write(data)
        print(f"{folder}: {len(seeds)} seeds, {sum(map(len, seeds.values()))} bytes")


def main(argv: list[str]) -> int:
    out = argv[1] if len(argv) > 1 else os.path.join(ROOT, "Fuzz", ".build", "fuzz", "generated")
    sets = {
        "FuzzDICOM": dicom_seeds(),
        "FuzzPNG": png_seeds(),
        "FuzzJPEG": jpeg_seeds(),
        "FuzzSteps": steps_seeds(),
        "FuzzArchivePath": archive_seeds(),
        "FuzzDICOMweb": dicomweb_seeds(),
    }
    samples = os.path.join(ROOT, "SampleImages")
    for name in sorted(os.listdir(samples)):
        if name.endswith(".dcm"):
            with open(os.path.join(samples, name), "rb") as handle:
                sets["FuzzDICOM"]["sample_" + name] = shrink_sample(handle.read())
    write_seed_sets(sets, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
