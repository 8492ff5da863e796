#include "CHTJ2KShim.h"
#include "htj2k_messages.h"

#include <openjph/ojph_arch.h>
#include <openjph/ojph_codestream.h>
#include <openjph/ojph_file.h>
#include <openjph/ojph_mem.h>
#include <openjph/ojph_params.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

using lucid_htj2k::set_message;

namespace {

/* Samples to encode and the range their precision allows. */
struct source_image {
    const void *samples;
    int bytes_per_sample;
    uint32_t width, height, components, precision;
    bool is_signed;

    int32_t value(size_t index) const {
        if (bytes_per_sample == 1) {
            uint8_t raw = static_cast<const uint8_t *>(samples)[index];
            return is_signed ? int32_t(int8_t(raw)) : int32_t(raw);
        }
        uint16_t raw = static_cast<const uint16_t *>(samples)[index];
        return is_signed ? int32_t(int16_t(raw)) : int32_t(raw);
    }
    int32_t low() const { return is_signed ? -(int32_t(1) << (precision - 1)) : 0; }
    int32_t high() const {
        return is_signed ? (int32_t(1) << (precision - 1)) - 1 : int32_t((uint32_t(1) << precision) - 1);
    }
};

/* Five wavelet levels, fewer when the smaller side would vanish before the last level. */
ojph::ui32 decomposition_levels(uint32_t width, uint32_t height) {
    uint32_t side = width < height ? width : height;
    ojph::ui32 levels = 5;
    while (levels > 0 && (side >> levels) == 0) levels -= 1;
    return levels;
}

void configure(ojph::codestream &codestream, const source_image &image, bool rpcl) {
    ojph::param_siz siz = codestream.access_siz();
    siz.set_image_extent(ojph::point(image.width, image.height));
    siz.set_image_offset(ojph::point(0, 0));
    siz.set_tile_size(ojph::size(image.width, image.height));
    siz.set_tile_offset(ojph::point(0, 0));
    siz.set_num_components(image.components);
    for (ojph::ui32 c = 0; c < image.components; ++c) {
        siz.set_component(c, ojph::point(1, 1), image.precision, image.is_signed);
    }
    ojph::param_cod cod = codestream.access_cod();
    cod.set_num_decomposition(decomposition_levels(image.width, image.height));
    cod.set_block_dims(64, 64);
    cod.set_progression_order(rpcl ? "RPCL" : "LRCP");
    cod.set_color_transform(false);
    cod.set_reversible(true);
    codestream.set_planar(false);
}

/* Pushes every row of every component; -1 with a message for a sample outside the precision. */
int push_lines(ojph::codestream &codestream, const source_image &image, char *message, size_t capacity) {
    const int32_t low = image.low(), high = image.high();
    ojph::ui32 component = 0;
    ojph::line_buf *line = codestream.exchange(nullptr, component);
    for (uint32_t y = 0; y < image.height; ++y) {
        for (uint32_t c = 0; c < image.components; ++c) {
            if (line == nullptr || component != c || line->size < image.width) {
                set_message(message, capacity, "OpenJPH asked for lines in an unexpected order");
                return -1;
            }
            size_t index = size_t(y) * image.width * image.components + c;
            for (uint32_t x = 0; x < image.width; ++x, index += image.components) {
                int32_t value = image.value(index);
                if (value < low || value > high) {
                    set_message(message, capacity,
                                "sample " + std::to_string(value) + " at row " + std::to_string(y)
                                    + " is outside the declared precision");
                    return -1;
                }
                line->i32[x] = value;
            }
            line = codestream.exchange(line, component);
        }
    }
    return 0;
}

int copy_output(ojph::mem_outfile &file, lucid_codec_buffer *out, char *message, size_t capacity) {
    const ojph::si64 length = file.tell();
    if (length <= 0 || file.get_data() == nullptr) {
        set_message(message, capacity, "OpenJPH wrote no codestream");
        return -1;
    }
    uint8_t *bytes = static_cast<uint8_t *>(std::malloc(size_t(length)));
    if (bytes == nullptr) {
        set_message(message, capacity, "out of memory");
        return -1;
    }
    std::memcpy(bytes, file.get_data(), size_t(length));
    out->data = bytes;
    out->length = size_t(length);
    out->capacity = size_t(length);
    return 0;
}

}  // namespace

extern "C" int lucid_htj2k_encode(const void *samples, size_t sample_count, int bytes_per_sample, uint32_t width,
                                  uint32_t height, uint32_t components, uint32_t precision, int is_signed, int rpcl,
                                  lucid_codec_buffer *out, char *message, size_t message_capacity) {
    if (samples == nullptr || out == nullptr || width == 0 || height == 0
        || (components != 1 && components != 3) || precision < 1 || precision > 16
        || bytes_per_sample != (precision <= 8 ? 1 : 2)
        || uint64_t(width) * height * components != sample_count) {
        set_message(message, message_capacity, "invalid arguments");
        return -1;
    }
    const source_image image = {samples, bytes_per_sample, width, height, components, precision, is_signed != 0};
    int status = lucid_htj2k::guarded(message, message_capacity, [&]() -> int {
        ojph::mem_outfile file;
        file.open();
        ojph::codestream codestream;
        configure(codestream, image, rpcl != 0);
        codestream.write_headers(&file);
        if (push_lines(codestream, image, message, message_capacity) != 0) return -1;
        codestream.flush();
        int copied = copy_output(file, out, message, message_capacity);
        codestream.close();
        return copied;
    });
    if (status != 0) lucid_codec_buffer_free(out);
    return status;
}
