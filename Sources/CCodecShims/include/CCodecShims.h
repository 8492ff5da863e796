#ifndef LUCID_CCODECSHIMS_H
#define LUCID_CCODECSHIMS_H

/*
 * C entry points that wrap libjpeg for LucidCodecs, and the encoder output buffer that every
 * codec shim (libjpeg here, libpng in CPNGShim, CharLS, OpenJPH) fills.
 *
 * libjpeg reports fatal errors by longjmp. Every function below arms its own setjmp
 * before its first library call, so no longjmp ever leaves this C code and no library
 * error can abort the process. I/O runs through memory callbacks written in C.
 *
 * Conventions for every function:
 * - returns 0 on success, -1 on failure;
 * - on failure a NUL-terminated English message is written to `message`
 *   (`message_capacity` bytes, LUCID_CODEC_MESSAGE_CAPACITY recommended);
 * - pixel buffers are row-major with no padding between rows;
 * - 16-bit samples in memory are in the host's native byte order.
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Recommended size in bytes of the caller's message buffer. */
#define LUCID_CODEC_MESSAGE_CAPACITY 256

/** Bytes produced by an encoder, allocated with malloc; release with lucid_codec_buffer_free. */
typedef struct {
    uint8_t *data;    /* NULL until something is written */
    size_t length;    /* bytes written */
    size_t capacity;  /* bytes allocated */
} lucid_codec_buffer;

/** Frees `buffer->data` and zeroes the struct. Safe on a zeroed or already freed buffer. */
void lucid_codec_buffer_free(lucid_codec_buffer *buffer);

/* --------------------------------------------------------------- JPEG */

/** Colour spaces of a JPEG stream as libjpeg reports them. */
#define LUCID_JPEG_COLOR_UNKNOWN 0
#define LUCID_JPEG_COLOR_GRAYSCALE 1
#define LUCID_JPEG_COLOR_RGB 2
#define LUCID_JPEG_COLOR_YCBCR 3
#define LUCID_JPEG_COLOR_CMYK 4
#define LUCID_JPEG_COLOR_YCCK 5

/** Frame header facts of a JPEG stream. */
typedef struct {
    uint32_t width;       /* pixels */
    uint32_t height;      /* pixels */
    int components;       /* samples per pixel */
    int precision;        /* bits per sample from the SOF marker; 0 when no SOF was read */
    int color_space;      /* one of LUCID_JPEG_COLOR_* */
} lucid_jpeg_header;

/**
 * Reads the markers up to the first scan and fills `header`.
 * Also on failure, `header->precision` holds the precision of an SOF marker that was read,
 * so a caller can tell "unsupported precision" from other failures.
 * Strict: any libjpeg warning is treated as an error.
 */
int lucid_jpeg_read_header(const uint8_t *data, size_t length, lucid_jpeg_header *header,
                           char *message, size_t message_capacity);

/**
 * Decodes an 8-bit JPEG without colour conversion (output colour space = stream colour space),
 * writing width*height*components interleaved bytes to `samples`. Fills `header` as
 * lucid_jpeg_read_header does. Bytes after the EOI marker are ignored.
 * Strict: any warning (premature end of data, corrupt entropy data...) makes the call fail.
 */
int lucid_jpeg_decode(const uint8_t *data, size_t length, uint8_t *samples, size_t samples_length,
                      lucid_jpeg_header *header, char *message, size_t message_capacity);

/**
 * Encodes an 8-bit grayscale (`components` 1) or RGB (`components` 3, stored as JFIF YCbCr) image
 * of width*height*components bytes, interleaved by pixel, as a baseline JPEG with `quality`
 * 1 ... 100 (libjpeg scale) into `out` (zeroed on entry; freed on failure).
 */
int lucid_jpeg_encode8(const uint8_t *pixels, uint32_t width, uint32_t height, int components, int quality,
                       lucid_codec_buffer *out, char *message, size_t message_capacity);

#ifdef __cplusplus
}
#endif

#endif
