#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jls_common.h"

/* Sets up `decoder` on `data` and reads the header into `header`. */
static int read_header(charls_jpegls_decoder *decoder, const uint8_t *data, size_t length,
                       lucid_jls_header *header, jls_message message) {
    charls_jpegls_errc code = charls_jpegls_decoder_set_source_buffer(decoder, data, length);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "set source", code);
    code = charls_jpegls_decoder_read_header(decoder);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "read header", code);
    charls_frame_info frame;
    code = charls_jpegls_decoder_get_frame_info(decoder, &frame);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "frame info", code);
    charls_interleave_mode interleave;
    code = charls_jpegls_decoder_get_interleave_mode(decoder, &interleave);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "interleave mode", code);
    int32_t near_lossless = 0;
    code = charls_jpegls_decoder_get_near_lossless(decoder, 0, &near_lossless);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "NEAR value", code);
    charls_color_transformation transform;
    code = charls_jpegls_decoder_get_color_transformation(decoder, &transform);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "colour transform", code);
    charls_jpegls_pc_parameters preset;
    code = charls_jpegls_decoder_get_preset_coding_parameters(decoder, 0, &preset);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "preset parameters", code);

    header->width = frame.width;
    header->height = frame.height;
    header->bits_per_sample = frame.bits_per_sample;
    header->component_count = frame.component_count;
    header->interleave_mode = (int32_t)interleave;
    header->near_lossless = near_lossless;
    header->color_transformation = (int32_t)transform;
    header->maximum_sample_value = preset.maximum_sample_value;
    return 0;
}

/* Runs `read_header` on a decoder created for the call; `decoder_out` keeps it on success. */
static int open_decoder(const uint8_t *data, size_t length, lucid_jls_header *header,
                        charls_jpegls_decoder **decoder_out, jls_message message) {
    if (data == NULL || length == 0) return jls_fail(message, "empty JPEG-LS data");
    charls_jpegls_decoder *decoder = charls_jpegls_decoder_create();
    if (decoder == NULL) return jls_fail(message, "out of memory creating the JPEG-LS decoder");
    memset(header, 0, sizeof *header);
    int status = read_header(decoder, data, length, header, message);
    if (status != 0 || decoder_out == NULL) {
        charls_jpegls_decoder_destroy(decoder);
        return status;
    }
    *decoder_out = decoder;
    return 0;
}

int lucid_jls_read_header(const uint8_t *data, size_t length, lucid_jls_header *header,
                          char *message_text, size_t message_capacity) {
    jls_message message = { message_text, message_capacity };
    if (header == NULL) return jls_fail(message, "invalid arguments to the JPEG-LS decoder");
    return open_decoder(data, length, header, NULL, message);
}

static int same_header(const lucid_jls_header *a, const lucid_jls_header *b) {
    return a->width == b->width && a->height == b->height
        && a->bits_per_sample == b->bits_per_sample && a->component_count == b->component_count
        && a->interleave_mode == b->interleave_mode && a->near_lossless == b->near_lossless
        && a->color_transformation == b->color_transformation
        && a->maximum_sample_value == b->maximum_sample_value;
}

static int decode_frame(charls_jpegls_decoder *decoder, const lucid_jls_header *header,
                        uint8_t *samples, size_t samples_length, jls_message message) {
    size_t needed = 0;
    charls_jpegls_errc code = charls_jpegls_decoder_get_destination_size(decoder, 0, &needed);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "destination size", code);
    if (needed != samples_length) {
        return jls_fail(message, "CharLS asks for a destination size the header does not imply");
    }
    /* CharLS writes a non-interleaved (ILV 0) frame plane by plane, the others by pixel. */
    int planar = header->component_count > 1 && header->interleave_mode == CHARLS_INTERLEAVE_MODE_NONE;
    uint8_t *target = samples;
    if (planar) {
        target = malloc(samples_length);
        if (target == NULL) return jls_fail(message, "out of memory for the JPEG-LS planes");
    }
    code = charls_jpegls_decoder_decode_to_buffer(decoder, target, samples_length, 0);
    if (code == CHARLS_JPEGLS_ERRC_SUCCESS && planar) {
        size_t bytes = jls_bytes_per_sample(header->bits_per_sample);
        size_t components = (size_t)header->component_count;
        jls_interleave_planes(target, samples, samples_length / bytes / components, components, bytes);
    }
    if (planar) free(target);
    if (code != CHARLS_JPEGLS_ERRC_SUCCESS) return jls_library_fail(message, "decode", code);
    return 0;
}

static int decode_guarded(const uint8_t *data, size_t length, const lucid_jls_header *expected,
                          void *samples, size_t samples_length, jls_message message) {
    lucid_jls_header header;
    charls_jpegls_decoder *decoder = NULL;
    int status = open_decoder(data, length, &header, &decoder, message);
    if (status != 0) return status;
    if (!same_header(&header, expected)) {
        status = jls_fail(message, "the JPEG-LS header changed between reads");
    } else if (header.color_transformation != CHARLS_COLOR_TRANSFORMATION_NONE) {
        (void)jls_fail(message, "HP colour transform");
        status = LUCID_JLS_UNSUPPORTED;
    } else if (header.bits_per_sample < 2 || header.bits_per_sample > 16) {
        status = jls_fail(message, "bits per sample outside 2...16");
    } else {
        size_t bytes = jls_bytes_per_sample(header.bits_per_sample);
        size_t size = jls_buffer_size(header.width, header.height, header.component_count, bytes);
        if (size == 0 || size != samples_length) {
            status = jls_fail(message, "the output buffer does not match the JPEG-LS header");
        } else {
            status = decode_frame(decoder, &header, samples, samples_length, message);
        }
        if (status == 0) {
            size_t count = samples_length / bytes;
            size_t bad = jls_first_sample_out_of_range(samples, count, header.bits_per_sample);
            if (bad != count) status = jls_fail(message, "CharLS returned a sample above 2^P - 1");
        }
    }
    charls_jpegls_decoder_destroy(decoder);
    return status;
}

/* An EOI marker (ISO/IEC 10918-1 B.1.1.3) appended after the caller's bytes. */
static const uint8_t end_guard[2] = { 0xFF, 0xD9 };

int lucid_jls_decode(const uint8_t *data, size_t length, const lucid_jls_header *expected,
                     void *samples, size_t samples_length, char *message_text,
                     size_t message_capacity) {
    jls_message message = { message_text, message_capacity };
    if (expected == NULL || samples == NULL) {
        return jls_fail(message, "invalid arguments to the JPEG-LS decoder");
    }
    if (data == NULL || length == 0) return jls_fail(message, "empty JPEG-LS data");
    if (length > SIZE_MAX - sizeof end_guard) return jls_fail(message, "JPEG-LS data too long");
    /* CharLS 2.4 can loop forever when the entropy-coded data runs into the end of its buffer
       without a marker (a truncated frame). Decoding a copy that ends in an extra EOI marker makes
       every scan stop at a marker: a truncated frame then fails with a CharLS error. Bytes after
       the codestream's own EOI are never read. */
    uint8_t *guarded = malloc(length + sizeof end_guard);
    if (guarded == NULL) return jls_fail(message, "out of memory for the JPEG-LS data");
    memcpy(guarded, data, length);
    memcpy(guarded + length, end_guard, sizeof end_guard);
    int status = decode_guarded(guarded, length + sizeof end_guard, expected, samples, samples_length,
                                message);
    free(guarded);
    return status;
}
