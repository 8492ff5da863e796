#include <string.h>

#include "jpeg_io.h"

/* libjpeg state kept outside the function that calls setjmp, so none of it is an automatic
   variable of that function whose value would be indeterminate after longjmp. */
typedef struct {
    struct jpeg_decompress_struct cinfo;
    jpeg_io_errors errors;
    jpeg_io_source source;
} decode_state;

static int color_space_code(J_COLOR_SPACE space) {
    switch (space) {
    case JCS_GRAYSCALE: return LUCID_JPEG_COLOR_GRAYSCALE;
    case JCS_RGB: return LUCID_JPEG_COLOR_RGB;
    case JCS_YCbCr: return LUCID_JPEG_COLOR_YCBCR;
    case JCS_CMYK: return LUCID_JPEG_COLOR_CMYK;
    case JCS_YCCK: return LUCID_JPEG_COLOR_YCCK;
    default: return LUCID_JPEG_COLOR_UNKNOWN;
    }
}

static void fill_header(const struct jpeg_decompress_struct *cinfo, lucid_jpeg_header *header) {
    header->width = cinfo->image_width;
    header->height = cinfo->image_height;
    header->components = cinfo->num_components;
    header->precision = cinfo->data_precision;
    header->color_space = color_space_code(cinfo->jpeg_color_space);
}

/* 1 GiB: enough for a progressive image at the 2^28-pixel frame cap. */
#define LUCID_JPEG_MAX_WORKING_MEMORY (1L << 30)

/* Reads the header and, when `samples` is not NULL, the whole image. */
static int run_decode(decode_state *state, const uint8_t *data, size_t length,
                      uint8_t *samples, size_t samples_length, lucid_jpeg_header *header) {
    struct jpeg_decompress_struct *cinfo = &state->cinfo;
    if (setjmp(state->errors.jump)) {
        header->precision = cinfo->data_precision;
        jpeg_destroy_decompress(cinfo);
        return -1;
    }
    jpeg_create_decompress(cinfo);
    /* Caps libjpeg's working memory (progressive and multi-scan images buffer all coefficients,
       about 2 bytes per sample): beyond it libjpeg reports an error instead of allocating. */
    cinfo->mem->max_memory_to_use = LUCID_JPEG_MAX_WORKING_MEMORY;
    jpeg_io_set_source(cinfo, &state->source, data, length);
    (void)jpeg_read_header(cinfo, TRUE);
    fill_header(cinfo, header);
    if (samples != NULL) {
        cinfo->out_color_space = cinfo->jpeg_color_space;
        jpeg_start_decompress(cinfo);
        size_t row_bytes = (size_t)cinfo->output_width * (size_t)cinfo->output_components;
        if (cinfo->output_width != cinfo->image_width
            || cinfo->output_height != cinfo->image_height
            || cinfo->output_components != cinfo->num_components) {
            shim_set_message(state->errors.message, "unexpected JPEG output layout");
            jpeg_destroy_decompress(cinfo);
            return -1;
        }
        if (cinfo->output_height == 0 || row_bytes > samples_length / cinfo->output_height) {
            shim_set_message(state->errors.message, "JPEG image is larger than the output buffer");
            jpeg_destroy_decompress(cinfo);
            return -1;
        }
        while (cinfo->output_scanline < cinfo->output_height) {
            JSAMPROW row = samples + (size_t)cinfo->output_scanline * row_bytes;
            (void)jpeg_read_scanlines(cinfo, &row, 1);
        }
        jpeg_finish_decompress(cinfo);
    }
    jpeg_destroy_decompress(cinfo);
    return 0;
}

static int decode(const uint8_t *data, size_t length, uint8_t *samples, size_t samples_length,
                  lucid_jpeg_header *header, char *message_text, size_t message_capacity) {
    shim_message message = { message_text, message_capacity };
    if (header == NULL || (data == NULL && length > 0)) {
        shim_set_message(message, "invalid arguments to the JPEG decoder");
        return -1;
    }
    memset(header, 0, sizeof *header);
    if (length == 0) {
        shim_set_message(message, "empty JPEG data");
        return -1;
    }
    decode_state state;
    memset(&state, 0, sizeof state);
    state.cinfo.err = jpeg_io_strict_errors(&state.errors, message);
    return run_decode(&state, data, length, samples, samples_length, header);
}

int lucid_jpeg_read_header(const uint8_t *data, size_t length, lucid_jpeg_header *header,
                           char *message, size_t message_capacity) {
    return decode(data, length, NULL, 0, header, message, message_capacity);
}

int lucid_jpeg_decode(const uint8_t *data, size_t length, uint8_t *samples, size_t samples_length,
                      lucid_jpeg_header *header, char *message, size_t message_capacity) {
    if (samples == NULL) {
        shim_set_message((shim_message){ message, message_capacity }, "no JPEG output buffer");
        return -1;
    }
    return decode(data, length, samples, samples_length, header, message, message_capacity);
}
