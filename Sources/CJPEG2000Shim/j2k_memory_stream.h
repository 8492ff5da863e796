#ifndef LUCID_J2K_MEMORY_STREAM_H
#define LUCID_J2K_MEMORY_STREAM_H

/* An OpenJPEG input stream over a caller-owned byte buffer; not part of the public header. */

#include <stddef.h>
#include <stdint.h>
#include <openjpeg.h>

/* The buffer and the read position; must outlive the stream. */
typedef struct {
    const uint8_t *data;
    size_t length;
    size_t position;
} j2k_memory_source;

/* A read stream over `source` (position reset to 0), or NULL when OpenJPEG cannot allocate it.
   Release with opj_stream_destroy, which leaves `source` alone. */
opj_stream_t *j2k_memory_stream_create(j2k_memory_source *source);

#endif
