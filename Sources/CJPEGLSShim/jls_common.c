#include "jls_common.h"

#include <stdio.h>
#include <string.h>

int jls_fail(jls_message message, const char *text) {
    if (message.text == NULL || message.capacity == 0) return LUCID_JLS_FAILED;
    if (text == NULL) text = "unknown error";
    size_t n = strlen(text);
    if (n >= message.capacity) n = message.capacity - 1;
    memcpy(message.text, text, n);
    message.text[n] = '\0';
    return LUCID_JLS_FAILED;
}

/* Codes for a codestream that is well formed but declares what CharLS cannot decode: another JPEG
   process, a colour transform, an LSE mapping table, or a precision outside 2...16 (T.87 allows
   no other; CharLS refuses it while reading the frame header). */
static int is_unsupported_feature(charls_jpegls_errc code) {
    switch (code) {
    case CHARLS_JPEGLS_ERRC_INVALID_PARAMETER_BITS_PER_SAMPLE:
    case CHARLS_JPEGLS_ERRC_PARAMETER_VALUE_NOT_SUPPORTED:
    case CHARLS_JPEGLS_ERRC_BIT_DEPTH_FOR_TRANSFORM_NOT_SUPPORTED:
    case CHARLS_JPEGLS_ERRC_COLOR_TRANSFORM_NOT_SUPPORTED:
    case CHARLS_JPEGLS_ERRC_ENCODING_NOT_SUPPORTED:
    case CHARLS_JPEGLS_ERRC_JPEGLS_PRESET_EXTENDED_PARAMETER_TYPE_NOT_SUPPORTED:
        return 1;
    default:
        return 0;
    }
}

int jls_library_fail(jls_message message, const char *step, charls_jpegls_errc code) {
    const char *text = charls_get_error_message(code);
    char line[LUCID_CODEC_MESSAGE_CAPACITY];
    (void)snprintf(line, sizeof line, "%s: %s (CharLS error %d)", step,
                   text != NULL ? text : "no description", (int)code);
    (void)jls_fail(message, line);
    return is_unsupported_feature(code) ? LUCID_JLS_UNSUPPORTED : LUCID_JLS_FAILED;
}

size_t jls_bytes_per_sample(int32_t bits_per_sample) {
    return bits_per_sample <= 8 ? 1 : 2;
}

size_t jls_buffer_size(uint32_t width, uint32_t height, int32_t components, size_t bytes) {
    if (width == 0 || height == 0 || components <= 0 || bytes == 0) return 0;
    size_t size = width;
    if (height > SIZE_MAX / size) return 0;
    size *= height;
    if ((size_t)components > SIZE_MAX / size) return 0;
    size *= (size_t)components;
    if (bytes > SIZE_MAX / size) return 0;
    return size * bytes;
}

size_t jls_first_sample_out_of_range(const void *samples, size_t count, int32_t bits_per_sample) {
    if (bits_per_sample <= 8) {
        const uint8_t *values = samples;
        const uint8_t maximum = (uint8_t)((1u << bits_per_sample) - 1u);
        for (size_t i = 0; i < count; i++) {
            if (values[i] > maximum) return i;
        }
    } else {
        const uint16_t *values = samples;
        const uint16_t maximum = (uint16_t)((1u << bits_per_sample) - 1u);
        for (size_t i = 0; i < count; i++) {
            if (values[i] > maximum) return i;
        }
    }
    return count;
}

void jls_interleave_planes(const uint8_t *planes, uint8_t *samples, size_t pixels, size_t components,
                           size_t bytes) {
    for (size_t c = 0; c < components; c++) {
        const uint8_t *plane = planes + c * pixels * bytes;
        for (size_t i = 0; i < pixels; i++) {
            memcpy(samples + (i * components + c) * bytes, plane + i * bytes, bytes);
        }
    }
}
