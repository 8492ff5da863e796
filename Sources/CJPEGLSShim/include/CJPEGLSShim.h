#ifndef LUCID_CJPEGLSSHIM_H
#define LUCID_CJPEGLSSHIM_H

/*
 * C entry points that wrap CharLS 2.x (JPEG-LS, ITU-T T.87 / ISO/IEC 14495-1) for LucidCodecs.
 *
 * CharLS's C API never throws: every call returns a charls_jpegls_errc, and every one is checked
 * here. Conventions as in CCodecShims.h:
 * - returns 0 on success, LUCID_JLS_FAILED when the data is malformed, truncated or the call
 *   failed, LUCID_JLS_UNSUPPORTED when the codestream is valid but uses a feature CharLS or Lucid
 *   does not decode (HP colour transform, mapping tables, a non-JPEG-LS frame);
 * - on failure a NUL-terminated English message is written to `message` (`message_capacity`
 *   bytes, LUCID_CODEC_MESSAGE_CAPACITY recommended), including CharLS's own text and code;
 * - samples are interleaved by pixel, row-major without padding, 1 byte per sample for
 *   precision 2...8 and 2 bytes (host byte order) for 9...16.
 */

#include <stddef.h>
#include <stdint.h>

#include "CCodecShims.h"

#ifdef __cplusplus
extern "C" {
#endif

#define LUCID_JLS_FAILED (-1)
#define LUCID_JLS_UNSUPPORTED (-2)

/** What a JPEG-LS frame and its first scan header declare. */
typedef struct {
    uint32_t width;               /* pixels, 1 ... 2^32-1 */
    uint32_t height;              /* pixels, 1 ... 2^32-1 */
    int32_t bits_per_sample;      /* P, 2 ... 16 */
    int32_t component_count;      /* Nf, 1 ... 255 */
    int32_t interleave_mode;      /* ILV of the first scan: 0 none, 1 line, 2 sample */
    int32_t near_lossless;        /* NEAR of the first scan; 0 = lossless */
    int32_t color_transformation; /* 0 none; 1, 2, 3 = HP1, HP2, HP3 (non-standard APP8 "mrfx") */
    int32_t maximum_sample_value; /* MAXVAL of an LSE preset segment, 0 when the default applies */
} lucid_jls_header;

/** Reads the markers up to the first scan (SOI, SPIFF, SOF55, LSE, SOS) and fills `header`. */
int lucid_jls_read_header(const uint8_t *data, size_t length, lucid_jls_header *header,
                          char *message, size_t message_capacity);

/**
 * Decodes the frame into `samples` (exactly `samples_length` bytes, the size `expected` implies).
 * The header is read again and must equal `expected` field for field; a frame without colour
 * transform is required. Scans that are not sample-interleaved are re-interleaved by pixel.
 * Every decoded sample is checked to be at most 2^P - 1.
 */
int lucid_jls_decode(const uint8_t *data, size_t length, const lucid_jls_header *expected,
                     void *samples, size_t samples_length, char *message, size_t message_capacity);

/**
 * Encodes `samples` (width*height*component_count values, each at most 2^P - 1) with
 * `near_lossless` 0 (lossless) ... min(255, (2^P - 1) / 2), sample-interleaved for 3 components
 * and non-interleaved for 1, into `out` (zeroed on entry; freed on failure).
 * `component_count` is 1 or 3, `bits_per_sample` 2 ... 16.
 */
int lucid_jls_encode(const void *samples, size_t samples_length, uint32_t width, uint32_t height,
                     int32_t bits_per_sample, int32_t component_count, int32_t near_lossless,
                     lucid_codec_buffer *out, char *message, size_t message_capacity);

#ifdef __cplusplus
}
#endif

#endif
