#ifndef LUCID_JLS_COMMON_H
#define LUCID_JLS_COMMON_H

/* Helpers shared by the JPEG-LS decoder and encoder shims; not part of the public header. */

#include <charls/charls.h>
#include <stddef.h>
#include <stdint.h>

#include "CJPEGLSShim.h"

/* Where an error message goes: the caller's buffer and its size in bytes. */
typedef struct {
    char *text;
    size_t capacity;
} jls_message;

/* Writes `text`, truncating and always NUL-terminating. Returns LUCID_JLS_FAILED. */
int jls_fail(jls_message message, const char *text);

/* Writes "<step>: <CharLS's text> (CharLS error <code>)" and returns LUCID_JLS_UNSUPPORTED for
   the codes that name a valid but unsupported feature, LUCID_JLS_FAILED for every other code. */
int jls_library_fail(jls_message message, const char *step, charls_jpegls_errc code);

/* Bytes per sample of the output buffer: 1 for precision 2...8, 2 for 9...16. */
size_t jls_bytes_per_sample(int32_t bits_per_sample);

/* width * height * components * bytes, or 0 when a factor is 0 or the product overflows. */
size_t jls_buffer_size(uint32_t width, uint32_t height, int32_t components, size_t bytes);

/* Index of the first sample above 2^bits - 1, or `count` when there is none. */
size_t jls_first_sample_out_of_range(const void *samples, size_t count, int32_t bits_per_sample);

/* Moves `planes` (component after component, each `pixels` samples of `bytes` bytes) into
   `samples` (interleaved by pixel). */
void jls_interleave_planes(const uint8_t *planes, uint8_t *samples, size_t pixels, size_t components,
                           size_t bytes);

#endif
