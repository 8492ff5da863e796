#include <stdlib.h>
#include <string.h>

#include "png_io.h"

/* The most memory one ancillary chunk may take, bytes (libpng's PNG_USER_CHUNK_MALLOC_MAX). */
#define LUCID_PNG_CHUNK_MALLOC_MAX 8000000

/* Creates a reader over `source`; returns 0, or -1 with a message when out of memory. */
static int create_reader(png_io_source *source, shim_message *message,
                         png_structp *png, png_infop *info) {
    *png = png_create_read_struct(PNG_LIBPNG_VER_STRING, message, png_io_error, png_io_warning);
    if (*png == NULL) {
        shim_set_message(*message, "out of memory creating the PNG reader");
        return -1;
    }
    *info = png_create_info_struct(*png);
    if (*info == NULL) {
        png_destroy_read_struct(png, NULL, NULL);
        shim_set_message(*message, "out of memory creating the PNG info");
        return -1;
    }
    png_set_read_fn(*png, source, png_io_read);
    /* Size policy belongs to the caller, which checks width*height before allocating. */
    png_set_user_limits(*png, 0x7fffffffU, 0x7fffffffU);
    /* Ancillary chunks (text, ICC profiles) and their decompressed text are held in memory:
       cap them at libpng's documented default, 8 MB, set here so that a libpng built without
       that default is bounded too and a small zTXt cannot inflate to gigabytes. Larger ones
       are dropped with a warning; the image is still read. */
    png_set_chunk_malloc_max(*png, LUCID_PNG_CHUNK_MALLOC_MAX);
    return 0;
}

static char *copy_string(const char *text) {
    if (text == NULL) text = "";
    size_t n = strlen(text);
    char *copy = malloc(n + 1);
    if (copy != NULL) memcpy(copy, text, n + 1);
    return copy;
}

/* Copies libpng's text records into `list`. Returns 0, or -1 when out of memory. */
static int copy_text(png_structp png, png_infop info, lucid_png_text_list *list) {
    png_textp records = NULL;
    int count = png_get_text(png, info, &records, NULL);
    if (count <= 0 || records == NULL) return 0;
    list->entries = calloc((size_t)count, sizeof(lucid_png_text_out));
    if (list->entries == NULL) return -1;
    for (int i = 0; i < count; i++) {
        lucid_png_text_out *entry = &list->entries[list->count++];
        entry->keyword = copy_string(records[i].key);
        entry->text = copy_string(records[i].text);
        entry->is_utf8 = records[i].compression >= PNG_ITXT_COMPRESSION_NONE;
        if (entry->keyword == NULL || entry->text == NULL) return -1;
    }
    return 0;
}

void lucid_png_text_list_free(lucid_png_text_list *list) {
    if (list == NULL) return;
    for (size_t i = 0; i < list->count; i++) {
        free(list->entries[i].keyword);
        free(list->entries[i].text);
    }
    free(list->entries);
    list->entries = NULL;
    list->count = 0;
}

int lucid_png_read_header(const uint8_t *data, size_t length, lucid_png_header *header,
                          char *message_text, size_t message_capacity) {
    shim_message message = { message_text, message_capacity };
    png_io_source source = { data, length, 0 };
    png_structp png = NULL;
    png_infop info = NULL;
    if (header == NULL || (data == NULL && length > 0)) {
        shim_set_message(message, "invalid arguments to the PNG header reader");
        return -1;
    }
    memset(header, 0, sizeof *header);
    if (length < 8 || png_sig_cmp(data, 0, 8) != 0) {
        shim_set_message(message, "not a PNG file (the 8-byte PNG signature is missing)");
        return -1;
    }
    if (create_reader(&source, &message, &png, &info) != 0) return -1;
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, NULL);
        return -1;
    }
    png_read_info(png, info);
    header->width = png_get_image_width(png, info);
    header->height = png_get_image_height(png, info);
    header->bit_depth = png_get_bit_depth(png, info);
    header->color_type = png_get_color_type(png, info);
    header->interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
    png_destroy_read_struct(&png, &info, NULL);
    return 0;
}

int lucid_png_decode_gray(const uint8_t *data, size_t length, void *pixels, size_t pixels_length,
                          lucid_png_text_list *text, char *message_text, size_t message_capacity) {
    shim_message message = { message_text, message_capacity };
    png_io_source source = { data, length, 0 };
    png_structp png = NULL;
    png_infop info = NULL;
    png_bytep *volatile rows = NULL;
    if (pixels == NULL || text == NULL || (data == NULL && length > 0)) {
        shim_set_message(message, "invalid arguments to the PNG decoder");
        return -1;
    }
    if (length < 8 || png_sig_cmp(data, 0, 8) != 0) {
        shim_set_message(message, "not a PNG file (the 8-byte PNG signature is missing)");
        return -1;
    }
    if (create_reader(&source, &message, &png, &info) != 0) return -1;
    if (setjmp(png_jmpbuf(png))) {
        free(rows);
        png_destroy_read_struct(&png, &info, NULL);
        return -1;
    }
    png_read_info(png, info);
    if (png_get_color_type(png, info) != PNG_COLOR_TYPE_GRAY) {
        png_error(png, "colour PNG not supported (only grayscale, colour type 0, is read)");
    }
    int bit_depth = png_get_bit_depth(png, info);
    if (bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (bit_depth == 16 && shim_host_is_little_endian()) png_set_swap(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);

    png_uint_32 width = png_get_image_width(png, info);
    png_uint_32 height = png_get_image_height(png, info);
    size_t row_bytes = png_get_rowbytes(png, info);
    size_t sample_bytes = bit_depth == 16 ? 2 : 1;
    if (png_get_channels(png, info) != 1 || row_bytes != (size_t)width * sample_bytes) {
        png_error(png, "unexpected PNG row layout after grayscale transforms");
    }
    if (height == 0 || row_bytes > pixels_length / height) {
        png_error(png, "PNG image is larger than the output buffer");
    }
    rows = malloc(sizeof(png_bytep) * height);
    if (rows == NULL) png_error(png, "out of memory allocating PNG row pointers");
    for (png_uint_32 y = 0; y < height; y++) rows[y] = (png_bytep)pixels + (size_t)y * row_bytes;
    png_read_image(png, rows);
    png_read_end(png, info);

    free(rows);
    rows = NULL;
    if (copy_text(png, info, text) != 0) {
        lucid_png_text_list_free(text);
        png_destroy_read_struct(&png, &info, NULL);
        shim_set_message(message, "out of memory copying PNG text chunks");
        return -1;
    }
    png_destroy_read_struct(&png, &info, NULL);
    return 0;
}
