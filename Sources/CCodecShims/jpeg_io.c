#include "jpeg_io.h"

#include <jerror.h>
#include <stdio.h>
#include <string.h>

static void strict_error_exit(j_common_ptr cinfo) {
    jpeg_io_errors *errors = (jpeg_io_errors *)cinfo->err;
    char text[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, text);
    shim_set_message(errors->message, text);
    longjmp(errors->jump, 1);
}

/* level < 0 is a warning (corrupt or truncated data): strict mode turns it into an error. */
static void strict_emit_message(j_common_ptr cinfo, int level) {
    if (level >= 0) return;
    jpeg_io_errors *errors = (jpeg_io_errors *)cinfo->err;
    char text[JMSG_LENGTH_MAX];
    char line[JMSG_LENGTH_MAX + 64];
    (*cinfo->err->format_message)(cinfo, text);
    snprintf(line, sizeof line, "%s (libjpeg warning, treated as an error)", text);
    shim_set_message(errors->message, line);
    longjmp(errors->jump, 1);
}

static void silent_output_message(j_common_ptr cinfo) {
    (void)cinfo;
}

struct jpeg_error_mgr *jpeg_io_strict_errors(jpeg_io_errors *errors, shim_message message) {
    struct jpeg_error_mgr *manager = jpeg_std_error(&errors->pub);
    manager->error_exit = strict_error_exit;
    manager->emit_message = strict_emit_message;
    manager->output_message = silent_output_message;
    errors->message = message;
    return manager;
}

static void source_init(j_decompress_ptr cinfo) {
    (void)cinfo;
}

/* Called only when the data ran out before the stream ended. */
static boolean source_fill(j_decompress_ptr cinfo) {
    static const JOCTET fake_eoi[2] = { 0xFF, JPEG_EOI };
    WARNMS(cinfo, JWRN_JPEG_EOF);
    cinfo->src->next_input_byte = fake_eoi;
    cinfo->src->bytes_in_buffer = 2;
    return TRUE;
}

static void source_skip(j_decompress_ptr cinfo, long count) {
    struct jpeg_source_mgr *source = cinfo->src;
    if (count <= 0) return;
    while ((size_t)count > source->bytes_in_buffer) {
        count -= (long)source->bytes_in_buffer;
        (void)source_fill(cinfo);
    }
    source->next_input_byte += count;
    source->bytes_in_buffer -= (size_t)count;
}

static void source_term(j_decompress_ptr cinfo) {
    (void)cinfo;
}

void jpeg_io_set_source(j_decompress_ptr cinfo, jpeg_io_source *source,
                        const uint8_t *data, size_t length) {
    memset(source, 0, sizeof *source);
    source->data = data;
    source->length = length;
    source->pub.init_source = source_init;
    source->pub.fill_input_buffer = source_fill;
    source->pub.skip_input_data = source_skip;
    source->pub.resync_to_restart = jpeg_resync_to_restart;
    source->pub.term_source = source_term;
    source->pub.next_input_byte = data;
    source->pub.bytes_in_buffer = length;
    cinfo->src = &source->pub;
}

static void destination_init(j_compress_ptr cinfo) {
    jpeg_io_destination *destination = (jpeg_io_destination *)cinfo->dest;
    lucid_codec_buffer *out = destination->out;
    if (shim_buffer_reserve(out, 65536) != 0) ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 1);
    out->length = 0;
    destination->pub.next_output_byte = out->data;
    destination->pub.free_in_buffer = out->capacity;
}

/* libjpeg calls this when the whole buffer is full. */
static boolean destination_grow(j_compress_ptr cinfo) {
    jpeg_io_destination *destination = (jpeg_io_destination *)cinfo->dest;
    lucid_codec_buffer *out = destination->out;
    out->length = out->capacity;
    if (out->capacity > SIZE_MAX / 2 || shim_buffer_reserve(out, out->capacity * 2) != 0) {
        ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 2);
    }
    destination->pub.next_output_byte = out->data + out->length;
    destination->pub.free_in_buffer = out->capacity - out->length;
    return TRUE;
}

static void destination_term(j_compress_ptr cinfo) {
    jpeg_io_destination *destination = (jpeg_io_destination *)cinfo->dest;
    lucid_codec_buffer *out = destination->out;
    out->length = (size_t)(destination->pub.next_output_byte - out->data);
}

void jpeg_io_set_destination(j_compress_ptr cinfo, jpeg_io_destination *destination,
                             lucid_codec_buffer *out) {
    memset(destination, 0, sizeof *destination);
    destination->out = out;
    destination->pub.init_destination = destination_init;
    destination->pub.empty_output_buffer = destination_grow;
    destination->pub.term_destination = destination_term;
    cinfo->dest = &destination->pub;
}
