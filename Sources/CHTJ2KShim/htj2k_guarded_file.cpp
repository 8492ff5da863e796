#include "htj2k_guarded_file.h"

#include "htj2k_structure.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace lucid_htj2k {
namespace {

/* One guard byte is enough to catch the overread; a few more keep it away from OpenJPH's
   one-byte look-aheads at packet ends. */
constexpr std::size_t guard_size = 16;

void put_u32(uint8_t *at, uint32_t value) {
    at[0] = uint8_t(value >> 24);
    at[1] = uint8_t(value >> 16);
    at[2] = uint8_t(value >> 8);
    at[3] = uint8_t(value);
}

/* Where the data of a last tile-part without a length ends: at the EOC marker, or at the end. */
std::size_t end_without_length(const bytes_view &view, std::size_t tile_part) {
    for (std::size_t i = tile_part + 12; i + 1 < view.length; ++i) {
        if (view.data[i] == 0xFF && view.data[i + 1] == 0xD9) return i;
    }
    return view.length;
}

}  // namespace

std::string guard_tile_parts(const uint8_t *data, std::size_t length, std::size_t first_tile_part,
                             guarded_codestream &out) {
    const bytes_view view = {data, length};
    if (!view.has(first_tile_part, 0)) return "the first tile-part is outside the codestream";
    // The main header is copied without its TLM marker segments: the tile-part lengths they list
    // no longer hold in the copy, and they are optional (ISO/IEC 15444-1 A.7.1).
    out.bytes.assign(data, data + 2);
    out.guards.clear();
    for (std::size_t at = 2; at < first_tile_part;) {
        if (!view.has(at, 4)) return "the main header is cut short";
        const std::size_t segment = 2 + std::size_t(view.u16(at + 2));
        if (!view.has(at, segment)) return "a main-header marker segment is cut short";
        if (view.u16(at) != 0xFF55) out.bytes.insert(out.bytes.end(), data + at, data + at + segment);
        at += segment;
    }
    std::size_t position = first_tile_part;
    while (view.has(position, 12) && view.u16(position) == 0xFF90) {
        const uint32_t part_length = view.u32(position + 6);
        const std::size_t end = part_length == 0 ? end_without_length(view, position) : position + part_length;
        if (end > length || end <= position) return "a tile-part runs past the end of the codestream";
        const std::size_t part = end - position;
        if (part > UINT32_MAX - guard_size) return "a tile-part is longer than its SOT marker can state";
        const std::size_t start = out.bytes.size();
        out.bytes.insert(out.bytes.end(), data + position, data + end);
        put_u32(out.bytes.data() + start + 6, uint32_t(part + guard_size));
        out.guards.emplace_back(out.bytes.size(), out.bytes.size() + guard_size);
        out.bytes.insert(out.bytes.end(), guard_size, 0);
        position = end;
        if (part_length == 0) break;
    }
    if (!view.has(position, 2) || view.u16(position) != 0xFFD9) {
        return "the codestream ends without its EOC marker (truncated data)";
    }
    out.bytes.push_back(0xFF);
    out.bytes.push_back(0xD9);
    return "";
}

std::size_t guarded_infile::read(void *ptr, std::size_t size) {
    const std::size_t available = stream.bytes.size() - position;
    const std::size_t count = size < available ? size : available;
    // Guards are in order: this read touches one exactly when it touches the first that ends after
    // `position`.
    const auto guard = std::upper_bound(
        stream.guards.begin(), stream.guards.end(), position,
        [](std::size_t at, const std::pair<std::size_t, std::size_t> &range) { return at < range.second; });
    if (guard != stream.guards.end() && position + count > guard->first) {
        throw std::runtime_error("a packet declares more code-block data than its tile-part holds (corrupt data)");
    }
    if (count > 0) std::memcpy(ptr, stream.bytes.data() + position, count);
    position += count;
    return count;
}

int guarded_infile::seek(ojph::si64 offset, enum infile_base::seek origin) {
    ojph::si64 base = 0;
    if (origin == OJPH_SEEK_CUR) base = ojph::si64(position);
    if (origin == OJPH_SEEK_END) base = ojph::si64(stream.bytes.size());
    const ojph::si64 size = ojph::si64(stream.bytes.size());
    if (offset > size || offset < -size) return -1;
    const ojph::si64 target = base + offset;
    if (target < 0 || target > size) return -1;
    position = std::size_t(target);
    return 0;
}

}  // namespace lucid_htj2k
