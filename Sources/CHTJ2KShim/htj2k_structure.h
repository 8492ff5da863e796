#ifndef LUCID_HTJ2K_STRUCTURE_H
#define LUCID_HTJ2K_STRUCTURE_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace lucid_htj2k {

/* Checks the marker structure of a codestream before OpenJPH 0.9.0 sees it, because OpenJPH
   trusts it: a zero tile size divides by zero, a tile offset outside the image loops forever or
   reads through a null pointer, a progression order above 4, a QCD style that does not match
   the wavelet, a zero precinct size or a marker code inside a code-block fails an assert
   (abort). Returns "" when the main header (SIZ, COD, QCD, QCC), every tile-part header (SOT and
   the markers up to SOD) and the tile data's marker codes are well formed, else the reason. */
std::string structure_problem(const uint8_t *data, std::size_t length);

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

/* Walks the main header from SOC to the first SOT; sets `position` to that SOT. */
std::string check_main_header(const bytes_view &view, std::size_t &position, main_header &header);

/* Walks the tile-parts from the first SOT to EOC (or the end of the data). */
std::string check_tile_parts(const bytes_view &view, std::size_t position, const main_header &header);

}  // namespace lucid_htj2k

#endif
