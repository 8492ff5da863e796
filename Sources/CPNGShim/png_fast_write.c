#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <isa-l/igzip_lib.h>
#include <zlib.h>

#include "shim_common.h"
#include "CPNGShim.h"

/* The PNG file written without libpng, so that its image data can be deflated by ISA-L's igzip
   (libpng's writer only calls zlib): signature, IHDR, the text chunks, IDAT, IEND (PNG
   specification, ISO/IEC 15948 / W3C PNG 3rd edition, §5 and §11). Every row is SUB-filtered
   (filter type 1: each byte minus the byte one pixel to its left). */

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
    uLong crc = crc32(0L, (const Bytef *)type, 4);
    if (length > 0) crc = crc32_z(crc, data, length);
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

/* The filtered scanlines: each row's filter byte (1, SUB) and its bytes minus the bytes one pixel
   (`pixel_bytes`) to the left; 16-bit samples written big-endian first. */
static void filter_rows(const uint8_t *pixels, uint32_t width, uint32_t height, int bytes_per_sample,
                        int channels, uint8_t *filtered) {
    size_t pixel_bytes = (size_t)bytes_per_sample * (size_t)channels;
    size_t row_bytes = (size_t)width * pixel_bytes;
    int swap = bytes_per_sample == 2 && shim_host_is_little_endian();
    for (uint32_t y = 0; y < height; y++) {
        const uint8_t *row = pixels + (size_t)y * row_bytes;
        uint8_t *line = filtered + (size_t)y * (row_bytes + 1);
        line[0] = 1;
        uint8_t *bytes = line + 1;
        if (swap) {
            for (size_t i = 0; i < row_bytes; i += 2) {
                bytes[i] = row[i + 1];
                bytes[i + 1] = row[i];
            }
        } else {
            memcpy(bytes, row, row_bytes);
        }
        for (size_t i = row_bytes; i-- > pixel_bytes;) bytes[i] = (uint8_t)(bytes[i] - bytes[i - pixel_bytes]);
    }
}

/* Deflates `input` as one zlib stream with igzip at level 1. Returns 0, or -1 with a message. */
static int deflate_igzip(const uint8_t *input, size_t length, lucid_codec_buffer *stream, shim_message message) {
    if (length > UINT32_MAX) {
        shim_set_message(message, "the image data exceeds 4 GiB, more than one deflate call takes");
        return -1;
    }
    size_t bound = length + length / 8 + 1024;
    if (shim_buffer_reserve(stream, bound) != 0) {
        shim_set_message(message, "out of memory for the compressed image data");
        return -1;
    }
    uint8_t *level_buffer = malloc(ISAL_DEF_LVL1_DEFAULT);
    if (level_buffer == NULL) {
        shim_set_message(message, "out of memory for the igzip level buffer");
        return -1;
    }
    struct isal_zstream zstream;
    isal_deflate_init(&zstream);
    zstream.level = 1;
    zstream.level_buf = level_buffer;
    zstream.level_buf_size = ISAL_DEF_LVL1_DEFAULT;
    zstream.gzip_flag = IGZIP_ZLIB;
    zstream.end_of_stream = 1;
    zstream.flush = NO_FLUSH;
    zstream.next_in = (uint8_t *)input;
    zstream.avail_in = (uint32_t)length;
    zstream.next_out = stream->data;
    zstream.avail_out = bound > UINT32_MAX ? UINT32_MAX : (uint32_t)bound;
    int status = isal_deflate(&zstream);
    free(level_buffer);
    if (status != COMP_OK || zstream.internal_state.state != ZSTATE_END) {
        shim_set_message(message, "igzip could not deflate the image data");
        return -1;
    }
    stream->length = zstream.total_out;
    return 0;
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
    if (filtered == NULL) {
        shim_set_message(message, "out of memory for the filtered rows");
        return -1;
    }
    filter_rows(pixels, width, height, bit_depth / 8, channels, filtered);
    lucid_codec_buffer stream = { 0 };
    int failed = deflate_igzip(filtered, filtered_length, &stream, message);
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
