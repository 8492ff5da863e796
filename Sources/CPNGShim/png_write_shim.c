#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "png_io.h"

/* Copies the caller's text descriptions into libpng's png_text records (pointers only). */
static png_text *make_png_text(const lucid_png_text_in *texts, size_t count) {
    png_text *records = calloc(count, sizeof(png_text));
    if (records == NULL) return NULL;
    for (size_t i = 0; i < count; i++) {
        records[i].key = (png_charp)texts[i].keyword;
        records[i].text = (png_charp)texts[i].text;
        if (texts[i].international) {
            records[i].compression = PNG_ITXT_COMPRESSION_NONE;
            records[i].itxt_length = strlen(texts[i].text);
            records[i].lang = (png_charp)"";
            records[i].lang_key = (png_charp)"";
        } else {
            records[i].compression = PNG_TEXT_COMPRESSION_NONE;
            records[i].text_length = strlen(texts[i].text);
        }
    }
    return records;
}

int lucid_png_encode(const void *pixels, uint32_t width, uint32_t height, int bit_depth, int channels,
                     int compression_level, int filter, const lucid_png_text_in *texts, size_t text_count,
                     lucid_codec_buffer *out, char *message_text, size_t message_capacity) {
    shim_message message = { message_text, message_capacity };
    if (pixels == NULL || out == NULL || width == 0 || height == 0
        || (bit_depth != 8 && bit_depth != 16) || (channels != 1 && channels != 3)
        || compression_level < 0 || compression_level > 9 || (filter != 1 && filter != 3)
        || (text_count > 0 && texts == NULL) || text_count > (size_t)INT_MAX) {
        shim_set_message(message, "invalid arguments to the PNG encoder");
        return -1;
    }
    size_t row_bytes = (size_t)width * (size_t)channels * (size_t)(bit_depth / 8);
    png_text *volatile text_records = NULL;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &message,
                                              png_io_error, png_io_warning);
    if (png == NULL) {
        shim_set_message(message, "out of memory creating the PNG writer");
        return -1;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        shim_set_message(message, "out of memory creating the PNG info");
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(text_records);
        lucid_codec_buffer_free(out);
        return -1;
    }
    png_set_write_fn(png, out, png_io_write, png_io_flush);
    png_set_user_limits(png, 0x7fffffffU, 0x7fffffffU);
    png_set_compression_level(png, compression_level);
    /* One filter on every row, SUB (1) or AVERAGE (3), and zlib's run-length strategy (OpenCV's PNG
       defaults use SUB): on a 2048x2500 radiograph at level 1 SUB writes in 40 ms instead of 89 ms
       with libpng's adaptive filters, and the file is smaller (1.94 MB instead of 2.34 MB); AVERAGE
       is about 5 % smaller again for a little more time. */
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filter == 3 ? PNG_FILTER_AVG : PNG_FILTER_SUB);
    png_set_compression_strategy(png, Z_RLE);
    png_set_IHDR(png, info, width, height, bit_depth, channels == 3 ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_GRAY,
                 PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (text_count > 0) {
        text_records = make_png_text(texts, text_count);
        if (text_records == NULL) png_error(png, "out of memory preparing PNG text chunks");
        png_set_text(png, info, text_records, (int)text_count);
    }
    png_write_info(png, info);
    if (bit_depth == 16 && shim_host_is_little_endian()) png_set_swap(png);
    const uint8_t *row = (const uint8_t *)pixels;
    for (uint32_t y = 0; y < height; y++) {
        png_write_row(png, row);
        row += row_bytes;
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(text_records);
    return 0;
}
