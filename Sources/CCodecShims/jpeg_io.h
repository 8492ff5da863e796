#ifndef LUCID_JPEG_IO_H
#define LUCID_JPEG_IO_H

/* libjpeg managers shared by the JPEG decoder and encoder: strict errors, memory source, sink. */

#include <setjmp.h>
#include <stdio.h>
#include <jpeglib.h>
#include "shim_common.h"

/* Error manager whose fatal errors and warnings both longjmp to `jump`. */
typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;           /* armed by the C function making the libjpeg calls */
    shim_message message;   /* receives the formatted libjpeg message */
} jpeg_io_errors;

/* Memory source: the whole stream is one buffer; reading past its end is a (strict) error. */
typedef struct {
    struct jpeg_source_mgr pub;
    const uint8_t *data;
    size_t length;
} jpeg_io_source;

/* Growable memory destination writing into a lucid_codec_buffer. */
typedef struct {
    struct jpeg_destination_mgr pub;
    lucid_codec_buffer *out;
} jpeg_io_destination;

/* Fills `errors` (strict mode, no stderr output) and returns the pointer to store in cinfo.err. */
struct jpeg_error_mgr *jpeg_io_strict_errors(jpeg_io_errors *errors, shim_message message);

/* Installs `source` over `data` as the source of `cinfo`. */
void jpeg_io_set_source(j_decompress_ptr cinfo, jpeg_io_source *source,
                        const uint8_t *data, size_t length);

/* Installs `destination` appending to `out` as the destination of `cinfo`. */
void jpeg_io_set_destination(j_compress_ptr cinfo, jpeg_io_destination *destination,
                             lucid_codec_buffer *out);

#endif
