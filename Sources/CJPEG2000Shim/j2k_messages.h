#ifndef LUCID_J2K_MESSAGES_H
#define LUCID_J2K_MESSAGES_H

/* Failure messages of the JPEG 2000 shim; not part of the public header. */

#include <stddef.h>

/* The caller's message buffer, and the first error and warning OpenJPEG reported, which the
   shim's own text about the failed step quotes. Zero the two library fields before use. */
typedef struct {
    char *text;
    size_t capacity;
    char library_error[160];
    char library_warning[160];
} j2k_messages;

/* Writes "step: OpenJPEG's first error" (or "step (OpenJPEG warned: ...)", or the step alone)
   to the caller's buffer, truncated and NUL-terminated. */
void j2k_fail(j2k_messages *messages, const char *step);

/* OpenJPEG event callbacks (opj_msg_callback); `user_data` is the j2k_messages. Errors and
   warnings keep their first text; information is dropped. */
void j2k_on_error(const char *text, void *user_data);
void j2k_on_warning(const char *text, void *user_data);
void j2k_on_info(const char *text, void *user_data);

#endif
