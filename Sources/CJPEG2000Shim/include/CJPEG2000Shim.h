#ifndef LUCID_CJPEG2000SHIM_H
#define LUCID_CJPEG2000SHIM_H

/*
 * JPEG 2000 decoding (ISO/IEC 15444-1) through OpenJPEG for LucidCodecs.
 *
 * OpenJPEG reports failures through its event callbacks and return values (never longjmp or
 * abort); every return value is checked here and the first error text is kept. Input is read
 * through memory stream callbacks, never a file.
 *
 * Conventions (shared with CCodecShims):
 * - returns 0 on success, -1 on failure;
 * - on failure a NUL-terminated English message is written to `message`
 *   (`message_capacity` bytes; LUCID_CODEC_MESSAGE_CAPACITY = 256 recommended);
 * - samples are row-major, interleaved by pixel, no padding, host byte order.
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What the caller read from the codestream's SIZ marker (ISO/IEC 15444-1 A.5.1). */
typedef struct {
    uint32_t width;       /* Xsiz - XOsiz, pixels */
    uint32_t height;      /* Ysiz - YOsiz, pixels */
    uint32_t components;  /* Csiz */
    uint32_t precision;   /* (Ssiz & 0x7F) + 1, bits, the same for every component, 1 ... 16 */
    int is_signed;        /* Ssiz bit 7, the same for every component */
} lucid_j2k_geometry;

/**
 * Decodes a raw JPEG 2000 codestream (from SOC, not a JP2 file) whose header the caller has
 * already read and bounded.
 *
 * OpenJPEG reads the main header first; the call fails before any sample is decoded unless
 * that header declares exactly `expected` (and no subsampled component), and unless
 * `samples_length` is exactly width * height * components * `bytes_per_sample`.
 * `bytes_per_sample` is 1 (precision up to 8) or 2 (up to 16); each sample is written as two's
 * complement truncated to that width (a signed value is sign-extended first).
 * `threads` is the number of OpenJPEG worker threads, 1 (the calling thread only) ... 64.
 * Decoding is strict: a codestream cut short fails instead of returning a partial image.
 */
int lucid_j2k_decode(const uint8_t *codestream, size_t length, const lucid_j2k_geometry *expected,
                     int threads, void *samples, size_t samples_length, int bytes_per_sample,
                     char *message, size_t message_capacity);

#ifdef __cplusplus
}
#endif

#endif
