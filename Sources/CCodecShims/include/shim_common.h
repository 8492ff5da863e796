#ifndef LUCID_SHIM_COMMON_H
#define LUCID_SHIM_COMMON_H

/* Helpers shared by the codec shims (libjpeg here, libpng in CPNGShim); visible to the C of the
   targets that depend on CCodecShims, not to Swift (module.modulemap exports CCodecShims.h only). */

#include <stddef.h>
#include <stdint.h>
#include "CCodecShims.h"

/* Where an error message goes: the caller's buffer and its size in bytes. */
typedef struct {
    char *text;
    size_t capacity;
} shim_message;

/* Copies `text` into the message buffer, truncating and always NUL-terminating. */
void shim_set_message(shim_message message, const char *text);

/* Appends `count` bytes, growing the buffer geometrically. Returns 0, or -1 when out of memory. */
int shim_buffer_append(lucid_codec_buffer *buffer, const uint8_t *bytes, size_t count);

/* Makes room for at least `minimum` bytes of capacity. Returns 0, or -1 when out of memory. */
int shim_buffer_reserve(lucid_codec_buffer *buffer, size_t minimum);

/* 1 when the host stores integers little-endian. */
int shim_host_is_little_endian(void);

#endif
