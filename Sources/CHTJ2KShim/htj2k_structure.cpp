#include "htj2k_structure.h"

#include <vector>

namespace lucid_htj2k {
namespace {

/* Bounds-checked big-endian reads of the codestream. */
struct bytes_view {
    const uint8_t *data;
    std::size_t length;

    bool has(std::size_t position, std::size_t count) const {
        return position <= length && count <= length - position;
    }
    uint32_t u8(std::size_t position) const { return data[position]; }
    uint32_t u16(std::size_t position) const { return uint32_t(data[position]) << 8 | data[position + 1]; }
    uint32_t u32(std::size_t position) const { return u16(position) << 16 | u16(position + 2); }
};

/* What the main header declares, as far as the later checks need it. */
struct main_header {
    uint32_t components = 0;
    uint64_t tiles = 0;
    uint32_t levels = 0;
    uint32_t transform = 0;
    bool sop = false, eph = false;  // SOP and EPH markers may appear between packets
    bool has_siz = false, has_cod = false;
    std::vector<std::size_t> quantization;  // positions of QCD and QCC marker segments
};

std::string check_siz(const bytes_view &view, std::size_t at, uint32_t length, main_header &header) {
    if (length < 41) return "the SIZ marker segment is too short";
    uint64_t x = view.u32(at + 6), y = view.u32(at + 10), x0 = view.u32(at + 14), y0 = view.u32(at + 18);
    uint64_t tile_width = view.u32(at + 22), tile_height = view.u32(at + 26);
    uint64_t tile_x0 = view.u32(at + 30), tile_y0 = view.u32(at + 34);
    header.components = view.u16(at + 38);
    if (header.components == 0 || header.components > 16384 || length != 38 + 3 * header.components) {
        return "the SIZ component count does not match its length";
    }
    if (x <= x0 || y <= y0) return "the SIZ image area is empty";
    if (tile_width == 0 || tile_height == 0) return "the SIZ tile size is zero";
    if (tile_x0 > x0 || tile_y0 > y0 || tile_x0 + tile_width <= x0 || tile_y0 + tile_height <= y0) {
        return "the SIZ tile grid does not cover the image's first pixel";
    }
    header.tiles = ((x - tile_x0 + tile_width - 1) / tile_width) * ((y - tile_y0 + tile_height - 1) / tile_height);
    if (header.tiles > 65535) return "the SIZ tile grid has more than 65535 tiles";
    for (uint32_t c = 0; c < header.components; ++c) {
        std::size_t component = at + 40 + 3 * std::size_t(c);
        if ((view.u8(component) & 0x7F) >= 38 || view.u8(component + 1) == 0 || view.u8(component + 2) == 0) {
            return "a SIZ component has an invalid precision or subsampling factor";
        }
    }
    header.has_siz = true;
    return "";
}

std::string check_cod(const bytes_view &view, std::size_t at, uint32_t length, main_header &header) {
    if (length < 12) return "the COD marker segment is too short";
    uint32_t style = view.u8(at + 4), progression = view.u8(at + 5), layers = view.u16(at + 6);
    uint32_t transform_components = view.u8(at + 8);
    header.levels = view.u8(at + 9);
    uint32_t block_width = view.u8(at + 10), block_height = view.u8(at + 11), block_style = view.u8(at + 12);
    header.transform = view.u8(at + 13);
    if (progression > 4) return "the COD progression order is invalid";
    if (layers == 0) return "the COD marker declares no quality layer";
    if (transform_components > 1 || (transform_components == 1 && header.components < 3)) {
        return "the COD multiple-component transform is invalid";
    }
    if (header.levels > 32) return "the COD marker declares more than 32 decomposition levels";
    if (block_width > 8 || block_height > 8 || block_width + block_height > 8) {
        return "the COD code-block size is invalid";
    }
    if ((block_style & 0x40) == 0) return "the code-blocks are not HT code-blocks";
    if (header.transform > 1) return "the COD wavelet transform is invalid";
    if (length != 12 + ((style & 1) ? header.levels + 1 : 0)) return "the COD length does not match its precincts";
    for (uint32_t r = 1; (style & 1) && r <= header.levels; ++r) {
        uint32_t exponents = view.u8(at + 14 + r);
        if ((exponents & 0x0F) == 0 || (exponents >> 4) == 0) return "a COD precinct size is invalid";
    }
    header.sop = (style & 2) != 0;
    header.eph = (style & 4) != 0;
    header.has_cod = true;
    return "";
}

/* QCD or QCC: the style must be the one OpenJPH expects for the wavelet, with one value per subband. */
std::string check_quantization(const bytes_view &view, std::size_t at, const main_header &header) {
    const bool component_specific = view.u16(at) == 0xFF5D;
    const uint32_t length = view.u16(at + 2);
    std::size_t index_bytes = component_specific ? (header.components < 257 ? 1 : 2) : 0;
    if (length < 3 + index_bytes) return "a QCD or QCC marker segment is too short";
    if (index_bytes > 0) {
        uint32_t component = index_bytes == 1 ? view.u8(at + 4) : view.u16(at + 4);
        if (component >= header.components) return "a QCC marker names a missing component";
    }
    uint32_t style = view.u8(at + 4 + index_bytes) & 0x1F;
    uint32_t subbands = 3 * header.levels + 1;
    uint32_t expected_style = header.transform == 1 ? 0 : 2;
    uint32_t bytes_per_subband = header.transform == 1 ? 1 : 2;
    if (style != expected_style) return "the quantization style does not match the COD wavelet transform";
    if (length != 3 + index_bytes + bytes_per_subband * subbands) {
        return "a QCD or QCC length does not match the decomposition levels";
    }
    return "";
}

bool allowed_in_main_header(uint32_t marker) {
    switch (marker) {
    case 0xFF50: case 0xFF51: case 0xFF52: case 0xFF53: case 0xFF55: case 0xFF57: case 0xFF59:
    case 0xFF5C: case 0xFF5D: case 0xFF5E: case 0xFF5F: case 0xFF60: case 0xFF63: case 0xFF64:
        return true;
    default:
        return false;
    }
}

/* Walks the main header from SOC to the first SOT; sets `position` to that SOT. */
std::string check_main_header(const bytes_view &view, std::size_t &position, main_header &header) {
    if (!view.has(0, 4) || view.u16(0) != 0xFF4F || view.u16(2) != 0xFF51) {
        return "the codestream does not start with SOC and SIZ markers";
    }
    position = 2;
    while (view.has(position, 2) && view.u16(position) != 0xFF90) {
        uint32_t marker = view.u16(position);
        if (!allowed_in_main_header(marker)) return "an unexpected marker is in the main header";
        if (!view.has(position, 4)) return "the main header is cut short";
        uint32_t length = view.u16(position + 2);
        if (length < 2 || !view.has(position + 2, length)) return "a main-header marker segment is cut short";
        std::string problem;
        if (marker == 0xFF51) {
            problem = header.has_siz ? "the main header has two SIZ markers" : check_siz(view, position, length, header);
        } else if (marker == 0xFF52) {
            problem = header.has_cod ? "the main header has two COD markers" : check_cod(view, position, length, header);
        } else if (marker == 0xFF5C || marker == 0xFF5D) {
            header.quantization.push_back(position);
        }
        if (!problem.empty()) return problem;
        position += 2 + length;
    }
    if (!view.has(position, 2)) return "the codestream ends before its first tile";
    if (!header.has_siz || !header.has_cod || header.quantization.empty()) {
        return "the main header lacks a SIZ, COD or QCD marker";
    }
    for (std::size_t at : header.quantization) {
        std::string problem = check_quantization(view, at, header);
        if (!problem.empty()) return problem;
    }
    return "";
}

/* Packet data never holds FF followed by a byte above 8F (ISO/IEC 15444-1 A.1.1, B.10.1), apart from
   the SOP and EPH markers COD enables; OpenJPH's HT decoder asserts on such a pair in a code-block. */
std::string check_tile_data(const bytes_view &view, std::size_t start, std::size_t end, const main_header &header) {
    for (std::size_t i = start; i + 1 < end; ++i) {
        if (view.data[i] != 0xFF || view.data[i + 1] <= 0x8F) continue;
        uint32_t code = view.data[i + 1];
        if ((code == 0x91 && header.sop) || (code == 0x92 && header.eph)) continue;
        if (code == 0xD9 && end == view.length) return "";
        return "the tile data holds a marker code where only entropy-coded data may be (corrupt data)";
    }
    return "";
}

/* Walks the tile-parts: SOT, marker segments up to SOD, then Psot bytes in all. */
std::string check_tile_parts(const bytes_view &view, std::size_t position, const main_header &header) {
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
            marker += 2 + length;
        }
        std::string problem = check_tile_data(view, marker + 2, end, header);
        if (!problem.empty() || part_length == 0) return problem;
        position = end;
    }
    return "";
}

}  // namespace

std::string structure_problem(const uint8_t *data, std::size_t length) {
    const bytes_view view = {data, length};
    main_header header;
    std::size_t position = 0;
    std::string problem = check_main_header(view, position, header);
    if (problem.empty()) problem = check_tile_parts(view, position, header);
    return problem;
}

}  // namespace lucid_htj2k
