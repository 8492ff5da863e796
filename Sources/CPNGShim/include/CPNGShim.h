#ifndef LUCID_CPNGSHIM_H
#define LUCID_CPNGSHIM_H

/*
 * C entry points that wrap libpng for LucidPNG, with the conventions of CCodecShims.h:
 * libpng reports fatal errors by longjmp, and every function below arms its own setjmp before its
 * first library call, so no longjmp ever leaves this C code. Returns 0 on success, -1 on failure
 * with a NUL-terminated English message in `message`.
 */

#include <stddef.h>
#include <stdint.h>

#include "CCodecShims.h"

#ifdef __cplusplus
extern "C" {
#endif

/** PNG colour types as stored in IHDR. */
#define LUCID_PNG_COLOR_GRAY 0
#define LUCID_PNG_COLOR_RGB 2
#define LUCID_PNG_COLOR_PALETTE 3
#define LUCID_PNG_COLOR_GRAY_ALPHA 4
#define LUCID_PNG_COLOR_RGB_ALPHA 6

/** IHDR fields of a PNG stream, as stored. */
typedef struct {
    uint32_t width;      /* pixels, 1 ... 2^31-1 */
    uint32_t height;     /* pixels, 1 ... 2^31-1 */
    int bit_depth;       /* bits per sample: 1, 2, 4, 8 or 16 */
    int color_type;      /* one of LUCID_PNG_COLOR_* */
    int interlaced;      /* 1 for Adam7, 0 otherwise */
} lucid_png_header;

/** One text chunk to write. Strings are NUL-terminated. */
typedef struct {
    const char *keyword;  /* 1-79 printable Latin-1 bytes, validated by the caller */
    const char *text;     /* Latin-1 bytes for tEXt, UTF-8 for iTXt */
    int international;    /* 0: write tEXt, 1: write iTXt (uncompressed, no language tag) */
} lucid_png_text_in;

/** One text chunk read from a file, copied into malloc'd NUL-terminated strings. */
typedef struct {
    char *keyword;        /* Latin-1 bytes */
    char *text;           /* Latin-1 bytes (tEXt, zTXt) or UTF-8 (iTXt) */
    int is_utf8;          /* 1 when the chunk was iTXt */
} lucid_png_text_out;

/** Text chunks read from a file; release with lucid_png_text_list_free. */
typedef struct {
    lucid_png_text_out *entries;
    size_t count;
} lucid_png_text_list;

/** Frees every entry and zeroes the list. Safe on a zeroed list. */
void lucid_png_text_list_free(lucid_png_text_list *list);

/**
 * Encodes a grayscale (`channels` 1) or RGB (`channels` 3) image as PNG into `out` (which must be
 * zeroed on entry). `pixels` holds width*height*channels samples, interleaved by pixel: 1 byte each
 * when `bit_depth` is 8, 2 bytes each (native byte order; written big-endian as PNG requires) when
 * `bit_depth` is 16.
 * `compression_level` is the zlib level 0 (store) ... 9 (smallest, slowest); `filter` the PNG
 * filter type applied to every row, 1 (SUB) or 3 (AVERAGE); zlib's Z_RLE strategy.
 * On failure `out` is freed.
 */
int lucid_png_encode(const void *pixels, uint32_t width, uint32_t height, int bit_depth, int channels,
                     int compression_level, int filter, const lucid_png_text_in *texts, size_t text_count,
                     lucid_codec_buffer *out, char *message, size_t message_capacity);

/**
 * As `lucid_png_encode`, with every row AVERAGE-filtered and the image data deflated as literals
 * only, one dynamic Huffman code per MiB built by ISA-L (several times faster than zlib on rendered
 * radiographs, files about the size of zlib level 1's); the PNG chunks are written by this shim,
 * not libpng. The file is standard PNG.
 */
int lucid_png_encode_fast(const void *pixels, uint32_t width, uint32_t height, int bit_depth, int channels,
                          const lucid_png_text_in *texts, size_t text_count, lucid_codec_buffer *out,
                          char *message, size_t message_capacity);

/** Reads the signature and the chunks before the first IDAT, and reports IHDR. */
int lucid_png_read_header(const uint8_t *data, size_t length, lucid_png_header *header,
                          char *message, size_t message_capacity);

/**
 * Decodes a grayscale PNG (colour type 0) into `pixels`.
 * Bit depths 1, 2 and 4 are scaled to 8 bits (1 -> 0/255, 2 -> multiples of 85, 4 -> of 17);
 * 8-bit output uses 1 byte per pixel, 16-bit output 2 bytes in native byte order.
 * Fails when `pixels_length` is smaller than the decoded image or the file is not grayscale.
 * tEXt, zTXt and iTXt chunks (before and after the image data) are copied into `text`
 * (zeroed on entry; left empty on failure).
 */
int lucid_png_decode_gray(const uint8_t *data, size_t length, void *pixels, size_t pixels_length,
                          lucid_png_text_list *text, char *message, size_t message_capacity);

#ifdef __cplusplus
}
#endif

#endif
