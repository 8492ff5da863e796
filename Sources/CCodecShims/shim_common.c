#include "shim_common.h"

#include <stdlib.h>
#include <string.h>

void shim_set_message(shim_message message, const char *text) {
    if (message.text == NULL || message.capacity == 0) return;
    if (text == NULL) text = "unknown error";
    size_t n = strlen(text);
    if (n >= message.capacity) n = message.capacity - 1;
    memcpy(message.text, text, n);
    message.text[n] = '\0';
}

int shim_buffer_reserve(lucid_codec_buffer *buffer, size_t minimum) {
    if (buffer->capacity >= minimum) return 0;
    size_t capacity = buffer->capacity < 4096 ? 4096 : buffer->capacity;
    while (capacity < minimum) {
        if (capacity > SIZE_MAX / 2) return -1;
        capacity *= 2;
    }
    uint8_t *grown = realloc(buffer->data, capacity);
    if (grown == NULL) return -1;
    buffer->data = grown;
    buffer->capacity = capacity;
    return 0;
}

int shim_buffer_append(lucid_codec_buffer *buffer, const uint8_t *bytes, size_t count) {
    if (count > SIZE_MAX - buffer->length) return -1;
    if (shim_buffer_reserve(buffer, buffer->length + count) != 0) return -1;
    memcpy(buffer->data + buffer->length, bytes, count);
    buffer->length += count;
    return 0;
}

void lucid_codec_buffer_free(lucid_codec_buffer *buffer) {
    if (buffer == NULL) return;
    free(buffer->data);
    buffer->data = NULL;
    buffer->length = 0;
    buffer->capacity = 0;
}

int shim_host_is_little_endian(void) {
    const uint16_t probe = 1;
    return *(const uint8_t *)&probe == 1;
}
