#include "htj2k_structure.h"

namespace lucid_htj2k {
namespace {

/* Packet data never holds FF followed by a byte above 8F (ISO/IEC 15444-1 Annex A.1), apart from
   the SOP and EPH markers COD enables; OpenJPH's HT decoder asserts on such a pair in a code-block.
   A last tile-part without a length (Psot 0) ends at the EOC marker. */
std::string check_tile_data(const bytes_view &view, std::size_t start, std::size_t end, bool ends_at_eoc,
                            const main_header &header) {
    for (std::size_t i = start; i + 1 < end; ++i) {
        if (view.data[i] != 0xFF || view.data[i + 1] <= 0x8F) continue;
        uint32_t code = view.data[i + 1];
        if ((code == 0x91 && header.sop) || (code == 0x92 && header.eph)) continue;
        if (code == 0xD9 && ends_at_eoc) return "";
        return "the tile data holds a marker code where only entropy-coded data may be (corrupt data)";
    }
    return "";
}

}  // namespace

/* Each tile-part: SOT, marker segments up to SOD, then Psot bytes in all. */
std::string check_tile_parts(const bytes_view &view, std::size_t position, main_header &header) {
    while (view.has(position, 2) && view.u16(position) != 0xFFD9) {
        if (view.u16(position) != 0xFF90) return "a tile-part does not start with an SOT marker";
        if (!view.has(position, 12)) return "a tile-part header is cut short";
        uint32_t tile = view.u16(position + 4), part_length = view.u32(position + 6);
        uint32_t part = view.u8(position + 10), parts = view.u8(position + 11);
        if (view.u16(position + 2) != 10 || tile >= header.tiles || (parts != 0 && part >= parts)) {
            return "an SOT marker segment is invalid";
        }
        if (part_length != 0 && (part_length < 14 || !view.has(position, part_length))) {
            return "a tile-part runs past the end of the codestream (truncated data)";
        }
        std::size_t end = part_length == 0 ? view.length : position + part_length;
        std::size_t marker = position + 12;
        while (true) {
            if (marker + 2 > end) return "a tile-part header has no SOD marker";
            uint32_t code = view.u16(marker);
            if (code == 0xFF93) break;
            if (code < 0xFF50 || code > 0xFF6F || marker + 4 > end) return "a tile-part header is malformed";
            uint32_t length = view.u16(marker + 2);
            if (length < 2 || marker + 2 + length > end) return "a tile-part header marker segment is cut short";
            if (code == 0xFF52 || code == 0xFF53) header.component_styles = true;
            marker += 2 + length;
        }
        std::string problem = check_tile_data(view, marker + 2, end, part_length == 0, header);
        if (!problem.empty() || part_length == 0) return problem;
        position = end;
    }
    return "";
}

std::string structure_problem(const uint8_t *data, std::size_t length, std::size_t *first_tile_part,
                              main_header *declared) {
    const bytes_view view = {data, length};
    main_header header;
    std::size_t position = 0;
    std::string problem = check_main_header(view, position, header);
    if (first_tile_part != nullptr) *first_tile_part = position;
    if (problem.empty()) problem = check_tile_parts(view, position, header);
    if (declared != nullptr) *declared = header;
    return problem;
}

}  // namespace lucid_htj2k
