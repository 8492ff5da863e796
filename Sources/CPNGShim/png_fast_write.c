#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <isa-l/crc.h>

#include "shim_common.h"
#include "CPNGShim.h"
#include "huffman_deflate.h"

/* The PNG file written without libpng, so that its image data can be deflated by Lucid's
   literal-only Huffman coder (huffman_deflate.c; libpng's writer only calls zlib): signature, IHDR,
   the text chunks, IDAT, IEND (PNG specification, ISO/IEC 15948 / W3C PNG 3rd edition, §5 and §11),
   chunk CRCs by ISA-L's crc32_gzip_refl (the CRC-32 of PNG §5.5). Every row is AVERAGE-filtered
   (filter type 3). */

static const uint8_t png_signature[8] = { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
/* Image data is written in IDAT chunks of at most this many bytes. */
#define IDAT_CHUNK_MAX (1u << 20)

static void put_be32(uint8_t *to, uint32_t value) {
    to[0] = (uint8_t)(value >> 24);
    to[1] = (uint8_t)(value >> 16);
    to[2] = (uint8_t)(value >> 8);
    to[3] = (uint8_t)value;
}

/* Appends one chunk: length, type, data, CRC-32 of type and data. Returns 0, or -1 when out of memory. */
static int append_chunk(lucid_codec_buffer *out, const char type[4], const uint8_t *data, size_t length) {
    uint8_t head[8];
    put_be32(head, (uint32_t)length);
    memcpy(head + 4, type, 4);
    uint32_t crc = crc32_gzip_refl(0, (const uint8_t *)type, 4);
    if (length > 0) crc = crc32_gzip_refl(crc, data, length);
    uint8_t tail[4];
    put_be32(tail, (uint32_t)crc);
    if (shim_buffer_append(out, head, 8) != 0) return -1;
    if (length > 0 && shim_buffer_append(out, data, length) != 0) return -1;
    return shim_buffer_append(out, tail, 4);
}

/* A tEXt (keyword NUL text) or iTXt (keyword NUL, uncompressed, no language tag or translated
   keyword, UTF-8 text) chunk. */
static int append_text(lucid_codec_buffer *out, const lucid_png_text_in *text) {
    size_t keyword = strlen(text->keyword), body = strlen(text->text);
    size_t extra = text->international ? 5 : 1;
    if (keyword > 79 || body > (size_t)INT32_MAX - keyword - extra) return -1;
    uint8_t *chunk = malloc(keyword + extra + body);
    if (chunk == NULL) return -1;
    memcpy(chunk, text->keyword, keyword);
    memset(chunk + keyword, 0, extra);
    memcpy(chunk + keyword + extra, text->text, body);
    int result = append_chunk(out, text->international ? "iTXt" : "tEXt", chunk, keyword + extra + body);
    free(chunk);
    return result;
}

/* Row `y` of `pixels` as PNG bytes: the row itself, or for 16-bit samples on a little-endian host
   a big-endian copy in `scratch`. */
static const uint8_t *png_row(const uint8_t *pixels, uint32_t y, size_t row_bytes, int swap, uint8_t *scratch) {
    const uint8_t *row = pixels + (size_t)y * row_bytes;
    if (!swap) return row;
    for (size_t i = 0; i < row_bytes; i += 2) {
        scratch[i] = row[i + 1];
        scratch[i + 1] = row[i];
    }
    return scratch;
}

/* The filtered scanlines: each row's filter byte (3, AVERAGE) and each byte minus the floor of the
   mean of the byte one pixel (`pixel_bytes`) to its left and the byte above it, both 0 outside the
   image (PNG §9.2). `rows` holds three rows of scratch space. */
static void filter_rows(const uint8_t *pixels, uint32_t width, uint32_t height, int bytes_per_sample,
                        int channels, uint8_t *rows, uint8_t *filtered) {
    size_t pixel_bytes = (size_t)bytes_per_sample * (size_t)channels;
    size_t row_bytes = (size_t)width * pixel_bytes;
    int swap = bytes_per_sample == 2 && shim_host_is_little_endian();
    uint8_t *zero_row = rows, *scratch[2] = { rows + row_bytes, rows + 2 * row_bytes };
    memset(zero_row, 0, row_bytes);
    const uint8_t *above = zero_row;
    for (uint32_t y = 0; y < height; y++) {
        const uint8_t *restrict row = png_row(pixels, y, row_bytes, swap, scratch[y & 1]);
        const uint8_t *restrict up = above;
        uint8_t *restrict line = filtered + (size_t)y * (row_bytes + 1);
        line[0] = 3;
        uint8_t *restrict bytes = line + 1;
        for (size_t i = 0; i < pixel_bytes; i++) bytes[i] = (uint8_t)(row[i] - (up[i] >> 1));
        /* floor((a + b) / 2) without leaving 8 bits: (a & b) + ((a ^ b) >> 1). */
        for (size_t i = pixel_bytes; i < row_bytes; i++) {
            uint8_t left = row[i - pixel_bytes];
            bytes[i] = (uint8_t)(row[i] - (uint8_t)((left & up[i]) + ((left ^ up[i]) >> 1)));
        }
        above = row;
    }
}

int lucid_png_encode_fast(const void *pixels, uint32_t width, uint32_t height, int bit_depth, int channels,
                          const lucid_png_text_in *texts, size_t text_count, lucid_codec_buffer *out,
                          char *message_text, size_t message_capacity) {
    shim_message message = { message_text, message_capacity };
    if (pixels == NULL || out == NULL || width == 0 || height == 0 || width > INT32_MAX || height > INT32_MAX
        || (bit_depth != 8 && bit_depth != 16) || (channels != 1 && channels != 3)
        || (text_count > 0 && texts == NULL)) {
        shim_set_message(message, "invalid arguments to the PNG encoder");
        return -1;
    }
    size_t row_bytes = (size_t)width * (size_t)channels * (size_t)(bit_depth / 8);
    if (row_bytes + 1 > SIZE_MAX / height) {
        shim_set_message(message, "the image is too large to encode");
        return -1;
    }
    size_t filtered_length = (row_bytes + 1) * (size_t)height;
    uint8_t *filtered = malloc(filtered_length);
    uint8_t *rows = row_bytes <= SIZE_MAX / 3 ? malloc(3 * row_bytes) : NULL;
    if (filtered == NULL || rows == NULL) {
        free(filtered);
        free(rows);
        shim_set_message(message, "out of memory for the filtered rows");
        return -1;
    }
    filter_rows(pixels, width, height, bit_depth / 8, channels, rows, filtered);
    free(rows);
    lucid_codec_buffer stream = { 0 };
    int failed = lucid_huffman_deflate(filtered, filtered_length, &stream, message);
    free(filtered);
    if (failed) {
        lucid_codec_buffer_free(&stream);
        lucid_codec_buffer_free(out);
        return -1;
    }
    uint8_t header[13];
    put_be32(header, width);
    put_be32(header + 4, height);
    header[8] = (uint8_t)bit_depth;
    header[9] = channels == 3 ? LUCID_PNG_COLOR_RGB : LUCID_PNG_COLOR_GRAY;
    header[10] = 0;  /* deflate */
    header[11] = 0;  /* adaptive filtering, the only method */
    header[12] = 0;  /* not interlaced */
    int ok = shim_buffer_reserve(out, stream.length + 1024) == 0
        && shim_buffer_append(out, png_signature, sizeof png_signature) == 0
        && append_chunk(out, "IHDR", header, sizeof header) == 0;
    for (size_t i = 0; ok && i < text_count; i++) ok = append_text(out, &texts[i]) == 0;
    for (size_t offset = 0; ok && offset < stream.length; offset += IDAT_CHUNK_MAX) {
        size_t length = stream.length - offset < IDAT_CHUNK_MAX ? stream.length - offset : IDAT_CHUNK_MAX;
        ok = append_chunk(out, "IDAT", stream.data + offset, length) == 0;
    }
    ok = ok && append_chunk(out, "IEND", NULL, 0) == 0;
    lucid_codec_buffer_free(&stream);
    if (!ok) {
        shim_set_message(message, "out of memory while writing the PNG file");
        lucid_codec_buffer_free(out);
        return -1;
    }
    return 0;
}
