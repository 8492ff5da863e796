#ifndef LUCID_HTJ2K_STRUCTURE_H
#define LUCID_HTJ2K_STRUCTURE_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace lucid_htj2k {

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
    uint64_t offset_x = 0, offset_y = 0;            // XOsiz, YOsiz: the image area's origin
    uint64_t tile_offset_x = 0, tile_offset_y = 0;  // XTOsiz, YTOsiz
    uint64_t smallest_tile = 0;                     // the narrowest tile's smaller side, pixels
    bool component_styles = false;                  // COC in the main header, COD or COC in a tile-part
    bool has_siz = false, has_cod = false;
    std::vector<std::size_t> quantization;  // positions of QCD and QCC marker segments
};

/* Checks the marker structure of a codestream before OpenJPH 0.9.0 sees it, because OpenJPH
   trusts it: a zero tile size divides by zero, a tile offset outside the image loops forever or
   reads through a null pointer, a progression order above 4, a QCD style that does not match
   the wavelet, a zero precinct size or a marker code inside a code-block fails an assert
   (abort). Returns "" when the main header (SIZ, COD, QCD, QCC), every tile-part header (SOT and
   the markers up to SOD) and the tile data's marker codes are well formed, else the reason;
   `first_tile_part` and `declared`, when given, receive the position of the first SOT marker and
   what the headers declare. */
std::string structure_problem(const uint8_t *data, std::size_t length, std::size_t *first_tile_part = nullptr,
                              main_header *declared = nullptr);

/* Walks the main header from SOC to the first SOT; sets `position` to that SOT. */
std::string check_main_header(const bytes_view &view, std::size_t &position, main_header &header);

/* Walks the tile-parts from the first SOT to EOC (or the end of the data); notes in `header`
   whether a tile-part header changes the coding style. */
std::string check_tile_parts(const bytes_view &view, std::size_t position, main_header &header);

/* Why OpenJPH 0.9.0 would decode a structurally sound codestream wrongly, or "" when it decodes it
   exactly. Measured against OpenJPEG and the encoded samples (ojph_compress, 0.9.0): an image
   offset (XOsiz, YOsiz) gives wrong samples at some sizes, and so do more decomposition levels than
   a tile's sides allow (2^levels at least the smaller side). Component-specific or tile-specific
   coding styles are not relied on. Such codestreams go to OpenJPEG. */
std::string openjph_limitation(const main_header &header);

}  // namespace lucid_htj2k

#endif
