#include "CHTJ2KShim.h"
#include "htj2k_header.h"
#include "htj2k_messages.h"
#include "htj2k_structure.h"

#include <openjph/ojph_params.h>

#include <cstring>
#include <string>

using lucid_htj2k::set_message;

namespace {

/* Fills `header` from the main header read by `codestream`; -1 with a message when the size is
   not a positive rectangle. */
int describe(ojph::codestream &codestream, lucid_htj2k_header *header, char *message, size_t capacity) {
    ojph::param_siz siz = codestream.access_siz();
    ojph::point extent = siz.get_image_extent();
    ojph::point offset = siz.get_image_offset();
    if (offset.x >= extent.x || offset.y >= extent.y) {
        set_message(message, capacity, "the SIZ image area is empty");
        return -1;
    }
    header->width = extent.x - offset.x;
    header->height = extent.y - offset.y;
    header->components = siz.get_num_components();
    if (header->components == 0) {
        set_message(message, capacity, "the SIZ marker declares no component");
        return -1;
    }
    header->precision = siz.get_bit_depth(0);
    header->is_signed = siz.is_signed(0) ? 1 : 0;
    for (ojph::ui32 c = 0; c < header->components; ++c) {
        if (siz.get_bit_depth(c) != header->precision || siz.is_signed(c) != (header->is_signed == 1)) {
            header->mixed_components = 1;
        }
        ojph::point factors = siz.get_downsampling(c);
        if (factors.x != 1 || factors.y != 1) header->subsampled = 1;
    }
    ojph::param_cod cod = codestream.access_cod();
    header->color_transform = cod.is_using_color_transform() ? 1 : 0;
    header->reversible = cod.is_reversible() ? 1 : 0;
    return 0;
}

}  // namespace

namespace lucid_htj2k {

int read_main_header(ojph::infile_base &file, ojph::codestream &codestream, lucid_htj2k_header *header,
                     char *message, size_t capacity) {
    std::memset(header, 0, sizeof *header);
    codestream.read_headers(&file);
    return describe(codestream, header, message, capacity);
}

bool same_header(const lucid_htj2k_header &a, const lucid_htj2k_header &b) {
    return a.width == b.width && a.height == b.height && a.components == b.components
        && a.precision == b.precision && a.is_signed == b.is_signed && a.mixed_components == b.mixed_components
        && a.subsampled == b.subsampled && a.color_transform == b.color_transform && a.reversible == b.reversible;
}

}  // namespace lucid_htj2k

extern "C" int lucid_htj2k_read_header(const uint8_t *data, size_t length, lucid_htj2k_header *header,
                                       char *message, size_t message_capacity) {
    if (header == nullptr) {
        set_message(message, message_capacity, "invalid arguments");
        return -1;
    }
    if (data == nullptr || length == 0) {
        set_message(message, message_capacity, "empty HTJ2K data");
        return -1;
    }
    return lucid_htj2k::guarded(message, message_capacity, [&]() -> int {
        std::string problem = lucid_htj2k::structure_problem(data, length);
        if (!problem.empty()) {
            set_message(message, message_capacity, problem);
            return -1;
        }
        ojph::mem_infile file;
        file.open(data, length);
        ojph::codestream codestream;
        return lucid_htj2k::read_main_header(file, codestream, header, message, message_capacity);
    });
}

