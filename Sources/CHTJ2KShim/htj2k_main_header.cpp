#include "htj2k_structure.h"

#include <algorithm>

/* The main header's marker segments: SIZ, COD, QCD and QCC values OpenJPH 0.9.0 relies on. */

namespace lucid_htj2k {
namespace {

/* The smallest extent of a tile along one axis: the image spans [start, end), tiles start at
   `origin` every `size` pixels; only the first and the last tile can be narrower than `size`. */
uint64_t smallest_tile_side(uint64_t start, uint64_t end, uint64_t origin, uint64_t size) {
    const uint64_t first_end = std::min(end, origin + ((start - origin) / size + 1) * size);
    const uint64_t last_start = std::max(start, origin + ((end - 1 - origin) / size) * size);
    return std::min({first_end - start, end - last_start, size});
}

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
    // OpenJPH 0.9.0 counts tiles in 32 bits: a tile size within 2^32 of the image's far edge wraps
    // the count to zero tiles, and reading the first tile-part then dereferences a missing tile.
    if (x - tile_x0 + tile_width - 1 > UINT32_MAX || y - tile_y0 + tile_height - 1 > UINT32_MAX) {
        return "the SIZ tile size overflows a 32-bit tile count";
    }
    header.tiles = ((x - tile_x0 + tile_width - 1) / tile_width) * ((y - tile_y0 + tile_height - 1) / tile_height);
    header.offset_x = x0;
    header.offset_y = y0;
    header.tile_offset_x = tile_x0;
    header.tile_offset_y = tile_y0;
    header.smallest_tile = std::min(smallest_tile_side(x0, x, tile_x0, tile_width),
                                    smallest_tile_side(y0, y, tile_y0, tile_height));
    if (header.tiles > 65535) return "the SIZ tile grid has more than 65535 tiles";
    // OpenJPH allocates every tile-component's structures up front, about 180 KB each for 8x8 tiles
    // with 64x64 code-blocks and 5 levels, whatever the tile's size: a tiny image cut into thousands of
    // tiles would take gigabytes. Tile-components are capped by the image, at least 64, else one per
    // 4096 samples (1,024 for a 2048x2048 grey frame, 64x64 tiles).
    double samples = double(x - x0) * double(y - y0) * double(header.components);
    if (double(header.tiles) * header.components > std::max(64.0, samples / 4096)) {
        return "the SIZ tile grid has more tile-components than one per 4096 samples (at least 64 are allowed)";
    }
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
    if (layers > 1) return "the COD marker declares several quality layers (OpenJPH 0.9 decodes one)";
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

}  // namespace

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
        } else if (marker == 0xFF53) {
            header.component_styles = true;
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

std::string openjph_limitation(const main_header &header) {
    if (header.offset_x != 0 || header.offset_y != 0 || header.tile_offset_x != 0 || header.tile_offset_y != 0) {
        return "the image or tile grid has an offset (OpenJPH 0.9 decodes such images wrongly)";
    }
    if (header.levels >= 64 || (uint64_t(1) << header.levels) >= header.smallest_tile) {
        return "a tile is too small for its decomposition levels (OpenJPH 0.9 decodes it wrongly)";
    }
    if (header.component_styles) return "coding styles differ by component or tile (left to OpenJPEG)";
    return "";
}

}  // namespace lucid_htj2k
