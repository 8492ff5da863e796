#include "j2k_messages.h"

#include <stdio.h>
#include <string.h>

/* Copies `text` into `buffer`, dropping trailing newlines, truncating, always terminating. */
static void copy_message(char *buffer, size_t capacity, const char *text) {
    if (buffer == NULL || capacity == 0) return;
    if (text == NULL) text = "unknown error";
    size_t n = strlen(text);
    while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r')) n--;
    if (n >= capacity) n = capacity - 1;
    memcpy(buffer, text, n);
    buffer[n] = '\0';
}

void j2k_fail(j2k_messages *messages, const char *step) {
    char combined[400];
    if (messages->library_error[0] != '\0') {
        snprintf(combined, sizeof combined, "%s: %s", step, messages->library_error);
    } else if (messages->library_warning[0] != '\0') {
        snprintf(combined, sizeof combined, "%s (OpenJPEG warned: %s)", step, messages->library_warning);
    } else {
        snprintf(combined, sizeof combined, "%s", step);
    }
    copy_message(messages->text, messages->capacity, combined);
}

void j2k_on_error(const char *text, void *user_data) {
    j2k_messages *messages = user_data;
    if (messages->library_error[0] == '\0') {
        copy_message(messages->library_error, sizeof messages->library_error, text);
    }
}

void j2k_on_warning(const char *text, void *user_data) {
    j2k_messages *messages = user_data;
    if (messages->library_warning[0] == '\0') {
        copy_message(messages->library_warning, sizeof messages->library_warning, text);
    }
}

void j2k_on_info(const char *text, void *user_data) {
    (void)text;
    (void)user_data;
}
