#ifndef LUCID_CHTJ2KSHIM_H
#define LUCID_CHTJ2KSHIM_H

/*
 * C entry points that wrap OpenJPH (High-Throughput JPEG 2000, ISO/IEC 15444-15) for LucidCodecs.
 *
 * OpenJPH is C++ and reports errors by printing a message and throwing. Every function below
 * catches every exception, so none ever leaves this code; OpenJPH's error and warning texts are
 * recorded per thread (never printed) and returned as the failure message.
 *
 * Conventions for every function:
 * - returns 0 on success, -1 on failure;
 * - on failure a NUL-terminated English message is written to `message`
 *   (`message_capacity` bytes, LUCID_CODEC_MESSAGE_CAPACITY recommended);
 * - samples are interleaved by pixel, row-major, with no padding; 16-bit samples are in the
 *   host's byte order.
 */

#include <stddef.h>
#include <stdint.h>

#include "CCodecShims.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What an HTJ2K main header (SIZ and COD) declares. */
typedef struct {
    uint32_t width;           /* Xsiz - XOsiz, pixels */
    uint32_t height;          /* Ysiz - YOsiz, pixels */
    uint32_t components;      /* Csiz, 1 ... 16384 */
    uint32_t precision;       /* Ssiz bit depth of component 0, 1 ... 38 */
    int is_signed;            /* 1 when component 0 is signed */
    int mixed_components;     /* 1 when some component's precision or sign differs from component 0 */
    int subsampled;           /* 1 when some component's XRsiz or YRsiz is not 1 */
    int color_transform;      /* 1 when COD declares the multiple-component transform (RCT or ICT) */
    int reversible;           /* 1 for the reversible 5/3 wavelet, 0 for the irreversible 9/7 */
} lucid_htj2k_header;

/** Reads the main header (up to the first tile) and fills `header`. Allocates no image. */
int lucid_htj2k_read_header(const uint8_t *data, size_t length, lucid_htj2k_header *header,
                            char *message, size_t message_capacity);

/**
 * Decodes a codestream whose header the caller already read with lucid_htj2k_read_header,
 * checked and sized `samples` for. The header is read again and must equal `expected`;
 * the components must be unsubsampled with one precision (<= 16) and sign.
 * `samples` holds `sample_count` = width*height*components samples of `bytes_per_sample`
 * bytes: 1 when the precision is at most 8, else 2. Each sample is the decoded value clamped to
 * the precision's range, as two's complement truncated to the container (signed values
 * sign-extended). Strict: a warning from OpenJPH (such as a corrupt code-block) is a failure.
 */
int lucid_htj2k_decode(const uint8_t *data, size_t length, const lucid_htj2k_header *expected,
                       void *samples, size_t sample_count, int bytes_per_sample,
                       char *message, size_t message_capacity);

/**
 * Encodes samples losslessly: reversible 5/3 wavelet, 5 decomposition levels (fewer for small
 * images), no colour transform, 64x64 code-blocks, one tile, progression RPCL when `rpcl` is 1,
 * else LRCP. `components` is 1 or 3, `precision` 1 ... 16, `bytes_per_sample` 1 when the
 * precision is at most 8, else 2; signed samples are sign-extended in their container. A sample
 * outside the precision's range is a failure. Writes the codestream to `out` (zeroed on entry;
 * freed on failure; release with lucid_codec_buffer_free).
 */
int lucid_htj2k_encode(const void *samples, size_t sample_count, int bytes_per_sample,
                       uint32_t width, uint32_t height, uint32_t components, uint32_t precision,
                       int is_signed, int rpcl, lucid_codec_buffer *out,
                       char *message, size_t message_capacity);

#ifdef __cplusplus
}
#endif

#endif
