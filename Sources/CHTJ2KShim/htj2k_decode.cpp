#include "CHTJ2KShim.h"
#include "htj2k_guarded_file.h"
#include "htj2k_header.h"
#include "htj2k_messages.h"
#include "htj2k_structure.h"

#include <openjph/ojph_arch.h>
#include <openjph/ojph_codestream.h>
#include <openjph/ojph_file.h>
#include <openjph/ojph_mem.h>
#include <openjph/ojph_params.h>

#include <cstdint>
#include <string>
#include <vector>

using lucid_htj2k::set_message;

namespace {

/* Copies one decoded line of component `component` into row `row` of the interleaved output. */
void store_line(const ojph::line_buf &line, const lucid_htj2k_header &header, uint32_t row, uint32_t component,
                void *samples, int bytes_per_sample) {
    const int64_t low = header.is_signed ? -(int64_t(1) << (header.precision - 1)) : 0;
    const int64_t high = header.is_signed ? (int64_t(1) << (header.precision - 1)) - 1
                                          : (int64_t(1) << header.precision) - 1;
    const size_t stride = header.components;
    size_t index = (size_t(row) * header.width) * stride + component;
    for (uint32_t x = 0; x < header.width; ++x, index += stride) {
        int64_t value = line.i32[x];
        if (value < low) value = low;
        if (value > high) value = high;
        if (bytes_per_sample == 1) {
            static_cast<uint8_t *>(samples)[index] = static_cast<uint8_t>(value);
        } else {
            static_cast<uint16_t *>(samples)[index] = static_cast<uint16_t>(value);
        }
    }
}

int decode_lines(ojph::codestream &codestream, const lucid_htj2k_header &header, void *samples,
                 int bytes_per_sample, char *message, size_t capacity) {
    codestream.set_planar(false);
    codestream.create();
    std::vector<uint32_t> rows(header.components, 0);
    const size_t line_count = size_t(header.height) * header.components;
    for (size_t n = 0; n < line_count; ++n) {
        ojph::ui32 component = 0;
        ojph::line_buf *line = codestream.pull(component);
        if (line == nullptr || line->i32 == nullptr) {
            set_message(message, capacity, "OpenJPH returned fewer lines than the image has");
            return -1;
        }
        if (component >= header.components || rows[component] >= header.height || line->size < header.width) {
            set_message(message, capacity, "OpenJPH returned a line outside the declared image");
            return -1;
        }
        store_line(*line, header, rows[component], component, samples, bytes_per_sample);
        rows[component] += 1;
    }
    /* OpenJPH reports a codestream that ends inside the tile data as information, a corrupt
       code-block as a warning, and fills in what is missing; strict decoding refuses both. */
    std::string warning = lucid_htj2k::recorded_warning();
    if (warning.empty()) warning = lucid_htj2k::recorded_info();
    if (!warning.empty()) {
        set_message(message, capacity, warning);
        return -1;
    }
    codestream.close();
    return 0;
}

}  // namespace

extern "C" int lucid_htj2k_decode(const uint8_t *data, size_t length, const lucid_htj2k_header *expected,
                                  void *samples, size_t sample_count, int bytes_per_sample, char *message,
                                  size_t message_capacity) {
    if (expected == nullptr || samples == nullptr) {
        set_message(message, message_capacity, "invalid arguments");
        return -1;
    }
    if (data == nullptr || length == 0) {
        set_message(message, message_capacity, "empty HTJ2K data");
        return -1;
    }
    return lucid_htj2k::guarded(message, message_capacity, [&]() -> int {
        std::size_t first_tile_part = 0;
        lucid_htj2k::main_header declared;
        std::string problem = lucid_htj2k::structure_problem(data, length, &first_tile_part, &declared);
        if (problem.empty()) problem = lucid_htj2k::openjph_limitation(declared);
        lucid_htj2k::guarded_codestream stream;
        if (problem.empty()) problem = lucid_htj2k::guard_tile_parts(data, length, first_tile_part, stream);
        if (!problem.empty()) {
            set_message(message, message_capacity, problem);
            return -1;
        }
        lucid_htj2k::guarded_infile file(stream);
        ojph::codestream codestream;
        lucid_htj2k_header header;
        if (lucid_htj2k::read_main_header(file, codestream, &header, message, message_capacity) != 0) return -1;
        if (!lucid_htj2k::same_header(header, *expected)) {
            set_message(message, message_capacity, "the main header changed between reads");
            return -1;
        }
        if (header.mixed_components || header.subsampled || header.precision < 1 || header.precision > 16) {
            set_message(message, message_capacity, "unsupported component layout or precision");
            return -1;
        }
        const int container = header.precision <= 8 ? 1 : 2;
        const uint64_t pixels = uint64_t(header.width) * header.height;
        if (bytes_per_sample != container || pixels > UINT64_MAX / header.components
            || pixels * header.components != sample_count) {
            set_message(message, message_capacity, "the output buffer does not match the header");
            return -1;
        }
        return decode_lines(codestream, header, samples, bytes_per_sample, message, message_capacity);
    });
}
