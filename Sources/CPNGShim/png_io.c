#include "png_io.h"
#include <string.h>

void png_io_error(png_structp png, png_const_charp text) {
    shim_message *message = (shim_message *)png_get_error_ptr(png);
    if (message != NULL) shim_set_message(*message, text);
    png_longjmp(png, 1);
}

void png_io_warning(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
}

void png_io_read(png_structp png, png_bytep out, png_size_t count) {
    png_io_source *source = (png_io_source *)png_get_io_ptr(png);
    if (source == NULL || source->length - source->position < count) {
        png_error(png, "unexpected end of PNG data (file truncated)");
    }
    memcpy(out, source->data + source->position, count);
    source->position += count;
}

void png_io_write(png_structp png, png_bytep bytes, png_size_t count) {
    lucid_codec_buffer *sink = (lucid_codec_buffer *)png_get_io_ptr(png);
    if (sink == NULL || shim_buffer_append(sink, bytes, count) != 0) {
        png_error(png, "out of memory while writing PNG data");
    }
}

void png_io_flush(png_structp png) {
    (void)png;
}
