#include "j2k_memory_stream.h"

#include <string.h>

/* OpenJPEG's own read chunk (OPJ_J2K_STREAM_CHUNK_SIZE); smaller for smaller inputs. */
#define J2K_STREAM_MAX_CHUNK ((size_t)1 << 20)

/* Copies up to `count` bytes; (OPJ_SIZE_T)-1 tells OpenJPEG the end is reached. */
static OPJ_SIZE_T memory_read(void *buffer, OPJ_SIZE_T count, void *user_data) {
    j2k_memory_source *source = user_data;
    if (source->position >= source->length) return (OPJ_SIZE_T)-1;
    size_t available = source->length - source->position;
    size_t n = count < available ? count : available;
    memcpy(buffer, source->data + source->position, n);
    source->position += n;
    return n;
}

/* Moves by `count` bytes within the buffer; -1 (nothing moved) when that leaves it. */
static OPJ_OFF_T memory_skip(OPJ_OFF_T count, void *user_data) {
    j2k_memory_source *source = user_data;
    if (count < 0) {
        if ((uint64_t)(-(count + 1)) >= source->position) return -1;
        source->position -= (size_t)(-count);
        return count;
    }
    if ((uint64_t)count > source->length - source->position) return -1;
    source->position += (size_t)count;
    return count;
}

/* Moves to the absolute offset `offset`; fails outside 0 ... length. */
static OPJ_BOOL memory_seek(OPJ_OFF_T offset, void *user_data) {
    j2k_memory_source *source = user_data;
    if (offset < 0 || (uint64_t)offset > source->length) return OPJ_FALSE;
    source->position = (size_t)offset;
    return OPJ_TRUE;
}

opj_stream_t *j2k_memory_stream_create(j2k_memory_source *source) {
    source->position = 0;
    size_t chunk = source->length < J2K_STREAM_MAX_CHUNK ? source->length : J2K_STREAM_MAX_CHUNK;
    if (chunk == 0) chunk = 1;
    opj_stream_t *stream = opj_stream_create(chunk, OPJ_TRUE);
    if (stream == NULL) return NULL;
    opj_stream_set_user_data(stream, source, NULL);
    opj_stream_set_user_data_length(stream, (OPJ_UINT64)source->length);
    opj_stream_set_read_function(stream, memory_read);
    opj_stream_set_skip_function(stream, memory_skip);
    opj_stream_set_seek_function(stream, memory_seek);
    return stream;
}
