#include <string.h>

#include "jpeg_io.h"

/* libjpeg state kept outside the function that calls setjmp (see jpeg_decode_shim.c). */
typedef struct {
    struct jpeg_compress_struct cinfo;
    jpeg_io_errors errors;
    jpeg_io_destination destination;
} encode_state;

static int run_encode(encode_state *state, const uint8_t *pixels, uint32_t width,
                      uint32_t height, int components, int quality, lucid_codec_buffer *out) {
    struct jpeg_compress_struct *cinfo = &state->cinfo;
    if (setjmp(state->errors.jump)) {
        jpeg_destroy_compress(cinfo);
        lucid_codec_buffer_free(out);
        return -1;
    }
    jpeg_create_compress(cinfo);
    jpeg_io_set_destination(cinfo, &state->destination, out);
    cinfo->image_width = width;
    cinfo->image_height = height;
    cinfo->input_components = components;
    cinfo->in_color_space = components == 3 ? JCS_RGB : JCS_GRAYSCALE;
    jpeg_set_defaults(cinfo);
    jpeg_set_quality(cinfo, quality, TRUE); /* TRUE: clamp tables to 8 bits, i.e. baseline */
    jpeg_start_compress(cinfo, TRUE);
    while (cinfo->next_scanline < cinfo->image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)cinfo->next_scanline * width * (size_t)components);
        (void)jpeg_write_scanlines(cinfo, &row, 1);
    }
    jpeg_finish_compress(cinfo);
    jpeg_destroy_compress(cinfo);
    return 0;
}

int lucid_jpeg_encode8(const uint8_t *pixels, uint32_t width, uint32_t height, int components, int quality,
                       lucid_codec_buffer *out, char *message_text, size_t message_capacity) {
    shim_message message = { message_text, message_capacity };
    if (pixels == NULL || out == NULL || width == 0 || height == 0 || (components != 1 && components != 3)
        || quality < 1 || quality > 100) {
        shim_set_message(message, "invalid arguments to the JPEG encoder");
        return -1;
    }
    encode_state state;
    memset(&state, 0, sizeof state);
    state.cinfo.err = jpeg_io_strict_errors(&state.errors, message);
    return run_encode(&state, pixels, width, height, components, quality, out);
}
