#include <stdlib.h>
#include <string.h>

#include <isa-l/igzip_lib.h>

#include "huffman_deflate.h"

/* Bits are written least significant first (RFC 1951 §3.1.1) through a 64-bit accumulator that is
   stored 8 bytes at a time; the output buffer always has 8 bytes of room past the last whole byte. */
typedef struct {
    uint8_t *next;   /* where the next whole byte goes */
    uint64_t bits;   /* pending bits, the oldest in bit 0 */
    unsigned count;  /* pending bits: < 8 after `flush`, at most 8 + 3 * 15 before the next one */
} bit_writer;

static inline void put_bits(bit_writer *writer, uint64_t value, unsigned count) {
    writer->bits |= value << writer->count;
    writer->count += count;
}

/* Stores the whole pending bytes; fewer than 8 bits stay pending. */
static inline void flush(bit_writer *writer) {
    memcpy(writer->next, &writer->bits, sizeof writer->bits);
    writer->next += writer->count >> 3;
    writer->bits = (writer->count & ~7u) == 64 ? 0 : writer->bits >> (writer->count & ~7u);
    writer->count &= 7;
}

/* Pads with zero bits to a byte boundary and stores everything pending. */
static void flush_to_byte(bit_writer *writer) {
    writer->count = (writer->count + 7) & ~7u;
    flush(writer);
}

/* Stored blocks (RFC 1951 §3.2.4) of at most 65,535 bytes each; the last one final when `final`. */
static void put_stored(bit_writer *writer, const uint8_t *bytes, size_t length, int final) {
    size_t offset = 0;
    do {
        size_t part = length - offset < 65535 ? length - offset : 65535;
        put_bits(writer, (offset + part == length && final) ? 1u : 0u, 1);
        put_bits(writer, 0, 2);
        flush_to_byte(writer);
        put_bits(writer, (uint64_t)part | (uint64_t)(~part & 0xFFFFu) << 16, 32);
        flush(writer);
        memcpy(writer->next, bytes + offset, part);
        writer->next += part;
        offset += part;
    } while (offset < length);
}

/* The bits of `length` bytes as stored blocks, at most: per block 3 header bits, up to 7 padding
   bits and LEN/NLEN, then the bytes. */
static uint64_t stored_bits(size_t length) {
    uint64_t blocks = length == 0 ? 1 : (length + 65534) / 65535;
    return blocks * (3 + 7 + 32) + (uint64_t)length * 8;
}

/* Work space of one call: ISA-L's histogram (with its hash table) and code tables. */
typedef struct {
    struct isal_huff_histogram histogram;
    struct isal_hufftables tables;
    uint32_t counts[8][256];
} huffman_work;

/* Counts the bytes of `block` in eight interleaved histograms (filtered image rows are mostly a few
   small values, so neighbouring bytes would otherwise wait on each other's increments of one
   counter) and sums them into ISA-L's histogram, with one end-of-block. */
static void count_bytes(const uint8_t *block, size_t length, huffman_work *work) {
    memset(work->counts, 0, sizeof work->counts);
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        for (int lane = 0; lane < 8; lane++) work->counts[lane][block[i + lane]]++;
    }
    for (; i < length; i++) work->counts[0][block[i]]++;
    memset(&work->histogram, 0, sizeof work->histogram);
    for (int symbol = 0; symbol < 256; symbol++) {
        uint64_t total = 0;
        for (int lane = 0; lane < 8; lane++) total += work->counts[lane][symbol];
        work->histogram.lit_len_histogram[symbol] = total;
    }
    work->histogram.lit_len_histogram[256] = 1;
}

/* One dynamic block: ISA-L's header (its first bit, BFINAL, set from `final`), every byte's code,
   end-of-block. The codes are canonical (RFC 1951 §3.2.2), already bit-reversed by ISA-L. */
static void put_huffman(bit_writer *writer, const uint8_t *block, size_t length, const struct isal_hufftables *tables,
                        int final) {
    uint32_t header_bits = tables->deflate_hdr_count * 8 + tables->deflate_hdr_extra_bits;
    for (uint32_t bit = 0; bit < header_bits; bit += 8) {
        unsigned count = header_bits - bit < 8 ? header_bits - bit : 8;
        uint64_t byte = tables->deflate_hdr[bit / 8] & ((1u << count) - 1);
        if (bit == 0) byte = (byte & ~1u) | (final ? 1u : 0u);
        put_bits(writer, byte, count);
        flush(writer);
    }
    uint64_t codes[256];
    unsigned lengths[256];
    for (int symbol = 0; symbol < 256; symbol++) {
        lengths[symbol] = tables->lit_table_sizes[symbol];
        codes[symbol] = tables->lit_table[symbol] & ((1u << lengths[symbol]) - 1);
    }
    size_t i = 0;
    /* Three codes of at most 15 bits on top of fewer than 8 pending: at most 52 bits. */
    for (; i + 3 <= length; i += 3) {
        uint8_t a = block[i], b = block[i + 1], c = block[i + 2];
        put_bits(writer, codes[a], lengths[a]);
        put_bits(writer, codes[b], lengths[b]);
        put_bits(writer, codes[c], lengths[c]);
        flush(writer);
    }
    for (; i < length; i++) {
        put_bits(writer, codes[block[i]], lengths[block[i]]);
        flush(writer);
    }
    put_bits(writer, tables->lit_table[256] & ((1u << tables->lit_table_sizes[256]) - 1), tables->lit_table_sizes[256]);
    flush(writer);
}

/* The size in bits of `block` coded with `tables`, or 0 when a byte present has no usable code
   (which ISA-L should never produce; the block is then stored). */
static uint64_t huffman_bits(const huffman_work *work) {
    const struct isal_hufftables *tables = &work->tables;
    uint64_t bits = (uint64_t)tables->deflate_hdr_count * 8 + tables->deflate_hdr_extra_bits;
    for (int symbol = 0; symbol <= 256; symbol++) {
        uint64_t count = work->histogram.lit_len_histogram[symbol];
        unsigned length = tables->lit_table_sizes[symbol];
        if (count == 0) continue;
        if (length == 0 || length > 15) return 0;
        bits += count * length;
    }
    return bits;
}

int lucid_huffman_deflate(const uint8_t *input, size_t length, lucid_codec_buffer *stream, shim_message message) {
    /* zlib header: deflate with a 32 KiB window, fastest level, check bits (RFC 1950 §2.2). */
    static const uint8_t zlib_header[2] = { 0x78, 0x01 };
    huffman_work *work = malloc(sizeof *work);
    if (work == NULL || shim_buffer_append(stream, zlib_header, sizeof zlib_header) != 0) goto out_of_memory;
    bit_writer writer = { stream->data + stream->length, 0, 0 };
    size_t offset = 0;
    do {
        size_t part = length - offset < LUCID_HUFFMAN_BLOCK_BYTES ? length - offset : LUCID_HUFFMAN_BLOCK_BYTES;
        const uint8_t *block = input + offset;
        int final = offset + part == length;
        uint64_t coded = 0;
        if (part > 0) {
            count_bytes(block, part, work);
            if (isal_create_hufftables_subset(&work->tables, &work->histogram) == 0) coded = huffman_bits(work);
        }
        uint64_t stored = stored_bits(part);
        int use_huffman = coded > 0 && coded < stored;
        /* Room for what is pending, this block at its worst, and the 8 bytes a flush stores. */
        size_t written = (size_t)(writer.next - stream->data);
        size_t needed = written + (size_t)((writer.count + (use_huffman ? coded : stored) + 7) / 8) + 16;
        stream->length = written;
        if (shim_buffer_reserve(stream, needed) != 0) goto out_of_memory;
        writer.next = stream->data + written;
        if (use_huffman) {
            put_huffman(&writer, block, part, &work->tables, final);
        } else {
            put_stored(&writer, block, part, final);
        }
        offset += part;
    } while (offset < length);
    flush_to_byte(&writer);
    stream->length = (size_t)(writer.next - stream->data);
    free(work);
    uint32_t adler = isal_adler32(1, input, length);
    uint8_t trailer[4] = { (uint8_t)(adler >> 24), (uint8_t)(adler >> 16), (uint8_t)(adler >> 8), (uint8_t)adler };
    if (shim_buffer_append(stream, trailer, sizeof trailer) != 0) {
        shim_set_message(message, "out of memory for the compressed image data");
        return -1;
    }
    return 0;

out_of_memory:
    free(work);
    shim_set_message(message, "out of memory for the compressed image data");
    return -1;
}
