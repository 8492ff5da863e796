#ifndef LUCID_PNG_IO_H
#define LUCID_PNG_IO_H

/* libpng callbacks shared by the PNG reader and writer: errors, memory source, memory sink. */

#include <png.h>
#include "CPNGShim.h"
#include "shim_common.h"

/* Memory source read by png_io_read. */
typedef struct {
    const uint8_t *data;
    size_t length;
    size_t position;
} png_io_source;

/* Error callback: stores the message in the shim_message passed as error pointer, then
   longjmps to the setjmp armed by the C function that made the libpng call. */
void png_io_error(png_structp png, png_const_charp text);

/* Warning callback: ignored (warnings concern ancillary chunks that the decoder drops). */
void png_io_warning(png_structp png, png_const_charp text);

/* Read callback over a png_io_source; fails with "truncated" at the end of the data. */
void png_io_read(png_structp png, png_bytep out, png_size_t count);

/* Write callback appending to a lucid_codec_buffer. */
void png_io_write(png_structp png, png_bytep bytes, png_size_t count);

/* Flush callback: nothing to flush in memory. */
void png_io_flush(png_structp png);

#endif
