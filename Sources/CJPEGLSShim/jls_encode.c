#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jls_common.h"

/* Configures `encoder` for the frame; CharLS validates each value against ISO/IEC 14495-1. */
static int configure(charls_jpegls_encoder *encoder, uint32_t width, uint32_t height,
                     int32_t bits_per_sample, int32_t component_count, int32_t near_lossless,
                     jls_message message) {
    charls_frame_info frame = { width, height, bits_per_sample, component_count };
    charls_jpegls_errc code = charls_jpegls_encoder_set_frame_info(encoder, &frame);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "frame info", code);
    code = charls_jpegls_encoder_set_near_lossless(encoder, near_lossless);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "NEAR value", code);
    charls_interleave_mode mode =
        component_count == 3 ? CHARLS_INTERLEAVE_MODE_SAMPLE : CHARLS_INTERLEAVE_MODE_NONE;
    code = charls_jpegls_encoder_set_interleave_mode(encoder, mode);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "interleave mode", code);
    /* An explicit LSE segment for P > 12, which decoders built on Java JAI need (its defaults
       are wrong there); any conforming decoder reads it. */
    code = charls_jpegls_encoder_set_encoding_options(
        encoder, CHARLS_ENCODING_OPTIONS_INCLUDE_PC_PARAMETERS_JAI);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "encoding options", code);
    return 0;
}

static int run_encode(charls_jpegls_encoder *encoder, const void *samples, size_t samples_length,
                      lucid_codec_buffer *out, jls_message message) {
    size_t capacity = 0;
    charls_jpegls_errc code = charls_jpegls_encoder_get_estimated_destination_size(encoder, &capacity);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "destination size", code);
    out->data = malloc(capacity);
    if (out->data == NULL) return jls_fail(message, "out of memory for the JPEG-LS codestream");
    out->capacity = capacity;
    code = charls_jpegls_encoder_set_destination_buffer(encoder, out->data, capacity);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "destination", code);
    code = charls_jpegls_encoder_encode_from_buffer(encoder, samples, samples_length, 0);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "encode", code);
    size_t written = 0;
    code = charls_jpegls_encoder_get_bytes_written(encoder, &written);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "bytes written", code);
    if (written == 0 || written > capacity) {
        return jls_fail(message, "CharLS reported an impossible codestream length");
    }
    out->length = written;
    return 0;
}

int lucid_jls_encode(const void *samples, size_t samples_length, uint32_t width, uint32_t height,
                     int32_t bits_per_sample, int32_t component_count, int32_t near_lossless,
                     lucid_codec_buffer *out, char *message_text, size_t message_capacity) {
    jls_message message = { message_text, message_capacity };
    if (samples == NULL || out == NULL || out->data != NULL || bits_per_sample < 2
        || bits_per_sample > 16 || (component_count != 1 && component_count != 3)) {
        return jls_fail(message, "invalid arguments to the JPEG-LS encoder");
    }
    size_t bytes = jls_bytes_per_sample(bits_per_sample);
    size_t size = jls_buffer_size(width, height, component_count, bytes);
    if (size == 0 || size != samples_length) {
        return jls_fail(message, "the sample buffer does not match width, height and components");
    }
    size_t count = samples_length / bytes;
    size_t bad = jls_first_sample_out_of_range(samples, count, bits_per_sample);
    if (bad != count) {
        char line[LUCID_CODEC_MESSAGE_CAPACITY];
        (void)snprintf(line, sizeof line, "sample %zu is above 2^%d - 1", bad, (int)bits_per_sample);
        return jls_fail(message, line);
    }
    charls_jpegls_encoder *encoder = charls_jpegls_encoder_create();
    if (encoder == NULL) return jls_fail(message, "out of memory creating the JPEG-LS encoder");
    int status = configure(encoder, width, height, bits_per_sample, component_count, near_lossless,
                           message);
    if (status == 0) status = run_encode(encoder, samples, samples_length, out, message);
    charls_jpegls_encoder_destroy(encoder);
    if (status != 0) lucid_codec_buffer_free(out);
    return status;
}
