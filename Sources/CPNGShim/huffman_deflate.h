#ifndef LUCID_HUFFMAN_DEFLATE_H
#define LUCID_HUFFMAN_DEFLATE_H

#include <stddef.h>
#include <stdint.h>

#include "shim_common.h"

/* Deflates `input` (`length` bytes) into `stream` (zeroed on entry) as one zlib stream (RFC 1950,
   Adler-32 trailer) of literal-only blocks (RFC 1951): each block of at most
   LUCID_HUFFMAN_BLOCK_BYTES input bytes gets its own dynamic Huffman code, built from the block's
   byte histogram by ISA-L's isal_create_hufftables_subset, or is stored when that code would not be
   smaller. No back-references are searched: on filtered image rows, where repeats are rare, this
   compresses about as well as zlib level 1 and several times faster. Returns 0, or -1 with a
   message (out of memory, or ISA-L refusing a histogram). */
int lucid_huffman_deflate(const uint8_t *input, size_t length, lucid_codec_buffer *stream, shim_message message);

/* Input bytes per block: 1 MiB. */
#define LUCID_HUFFMAN_BLOCK_BYTES ((size_t)1 << 20)

#endif
