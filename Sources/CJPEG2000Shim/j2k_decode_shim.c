#include "CJPEG2000Shim.h"

#include <string.h>

#include "j2k_memory_stream.h"
#include "j2k_messages.h"

/* 1 when every component has the expected size, precision and sign, and no subsampling.
   `decoded` also requires the sample arrays OpenJPEG filled. */
static int image_matches(const opj_image_t *image, const lucid_j2k_geometry *expected, int decoded) {
    if (image == NULL || image->comps == NULL || image->numcomps != expected->components) return 0;
    if (image->x1 <= image->x0 || image->y1 <= image->y0) return 0;
    if (image->x1 - image->x0 != expected->width || image->y1 - image->y0 != expected->height) return 0;
    for (OPJ_UINT32 c = 0; c < image->numcomps; c++) {
        const opj_image_comp_t *comp = &image->comps[c];
        if (comp->dx != 1 || comp->dy != 1) return 0;
        if (comp->prec != expected->precision || (comp->sgnd != 0) != (expected->is_signed != 0)) return 0;
        if (!decoded) continue;
        if (comp->data == NULL || comp->factor != 0) return 0;
        if (comp->w != expected->width || comp->h != expected->height) return 0;
    }
    return 1;
}

/* Interleaves the components into `samples`, each value truncated to the container width. */
static void copy_samples(const opj_image_t *image, size_t pixels, void *samples, int bytes_per_sample) {
    OPJ_UINT32 count = image->numcomps;
    for (OPJ_UINT32 c = 0; c < count; c++) {
        const OPJ_INT32 *data = image->comps[c].data;
        if (bytes_per_sample == 1) {
            uint8_t *out = (uint8_t *)samples + c;
            for (size_t i = 0; i < pixels; i++) out[i * count] = (uint8_t)(uint32_t)data[i];
        } else {
            uint16_t *out = (uint16_t *)samples + c;
            for (size_t i = 0; i < pixels; i++) out[i * count] = (uint16_t)(uint32_t)data[i];
        }
    }
}

/* Creates the codec with the message handlers, strict mode and the thread count. */
static opj_codec_t *create_codec(j2k_messages *messages, int threads) {
    opj_codec_t *codec = opj_create_decompress(OPJ_CODEC_J2K);
    if (codec == NULL) {
        j2k_fail(messages, "OpenJPEG could not create a decoder (out of memory)");
        return NULL;
    }
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!opj_set_error_handler(codec, j2k_on_error, messages)
        || !opj_set_warning_handler(codec, j2k_on_warning, messages)
        || !opj_set_info_handler(codec, j2k_on_info, messages)) {
        j2k_fail(messages, "OpenJPEG refused the message handlers");
    } else if (!opj_setup_decoder(codec, &parameters)) {
        j2k_fail(messages, "OpenJPEG refused the decoder parameters");
    } else if (!opj_decoder_set_strict_mode(codec, OPJ_TRUE)) {
        j2k_fail(messages, "OpenJPEG refused strict decoding");
    } else if (opj_has_thread_support() && !opj_codec_set_threads(codec, threads)) {
        j2k_fail(messages, "OpenJPEG refused the thread count");
    } else {
        return codec;
    }
    opj_destroy_codec(codec);
    return NULL;
}

/* Reads the header, checks it against `expected`, decodes and copies the samples out. */
static int run_decode(opj_codec_t *codec, opj_stream_t *stream, const lucid_j2k_geometry *expected,
                      size_t pixels, void *samples, int bytes_per_sample, j2k_messages *messages) {
    opj_image_t *image = NULL;
    int status = -1;
    if (!opj_read_header(stream, codec, &image)) {
        j2k_fail(messages, "OpenJPEG could not read the main header");
    } else if (!image_matches(image, expected, 0)) {
        j2k_fail(messages, "OpenJPEG read a main header other than the SIZ marker the caller checked");
    } else if (!opj_decode(codec, stream, image)) {
        j2k_fail(messages, "OpenJPEG could not decode the codestream");
    } else if (!opj_end_decompress(codec, stream)) {
        j2k_fail(messages, "OpenJPEG could not finish reading the codestream");
    } else if (!image_matches(image, expected, 1)) {
        j2k_fail(messages, "OpenJPEG returned an image other than the header declares");
    } else {
        copy_samples(image, pixels, samples, bytes_per_sample);
        status = 0;
    }
    if (image != NULL) opj_image_destroy(image);
    return status;
}

int lucid_j2k_decode(const uint8_t *codestream, size_t length, const lucid_j2k_geometry *expected,
                     int threads, void *samples, size_t samples_length, int bytes_per_sample,
                     char *message, size_t message_capacity) {
    j2k_messages messages = { message, message_capacity, { 0 }, { 0 } };
    if (codestream == NULL || length == 0 || expected == NULL || samples == NULL) {
        j2k_fail(&messages, "no JPEG 2000 codestream or output buffer");
        return -1;
    }
    if (expected->precision < 1 || expected->precision > 16 || expected->components == 0
        || expected->width == 0 || expected->height == 0 || threads < 1 || threads > 64
        || bytes_per_sample != (expected->precision <= 8 ? 1 : 2)) {
        j2k_fail(&messages, "invalid arguments to the JPEG 2000 decoder");
        return -1;
    }
    size_t pixels = (size_t)expected->width;
    if (expected->height > SIZE_MAX / pixels) pixels = 0;
    else pixels *= expected->height;
    size_t per_pixel = (size_t)expected->components * (size_t)bytes_per_sample;
    if (pixels == 0 || pixels > SIZE_MAX / per_pixel || pixels * per_pixel != samples_length) {
        j2k_fail(&messages, "the output buffer does not match the image size");
        return -1;
    }
    j2k_memory_source source = { codestream, length, 0 };
    opj_stream_t *stream = j2k_memory_stream_create(&source);
    if (stream == NULL) {
        j2k_fail(&messages, "OpenJPEG could not create an input stream (out of memory)");
        return -1;
    }
    int status = -1;
    opj_codec_t *codec = create_codec(&messages, threads);
    if (codec != NULL) {
        status = run_decode(codec, stream, expected, pixels, samples, bytes_per_sample, &messages);
        opj_destroy_codec(codec);
    }
    opj_stream_destroy(stream);
    return status;
}
