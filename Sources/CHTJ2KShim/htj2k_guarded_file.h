#ifndef LUCID_HTJ2K_GUARDED_FILE_H
#define LUCID_HTJ2K_GUARDED_FILE_H

#include <openjph/ojph_arch.h>
#include <openjph/ojph_file.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lucid_htj2k {

/* A copy of a codestream in which each tile-part's data is followed by guard bytes that its
   Psot covers. OpenJPH 0.9.0 trusts the code-block lengths of a packet header: when they add up
   to more than the tile-part has left, it reads what is left and then clears the rest of the
   declared length past the end of a buffer sized for what it read (a heap overflow in
   `precinct::parse`). With the guard bytes inside every tile-part, such a read reaches them, and
   `guarded_infile` throws before OpenJPH clears anything; a well-formed codestream never reads
   them. A last tile-part without a length (Psot 0) gets its length written. */
struct guarded_codestream {
    std::vector<uint8_t> bytes;
    std::vector<std::pair<std::size_t, std::size_t>> guards;  // [start, end) of each tile-part's guard bytes
};

/* Builds the guarded copy of a codestream whose structure `structure_problem` found sound;
   `first_tile_part` is the position of its first SOT marker. "" on success, else the reason. */
std::string guard_tile_parts(const uint8_t *data, std::size_t length, std::size_t first_tile_part,
                             guarded_codestream &out);

/* OpenJPH's input over a guarded codestream: any read that would return guard bytes throws
   `std::runtime_error` naming the corrupt packet, which the shim's `guarded` turns into a message. */
class guarded_infile : public ojph::infile_base {
  public:
    explicit guarded_infile(const guarded_codestream &stream) : stream(stream) {}
    std::size_t read(void *ptr, std::size_t size) override;
    int seek(ojph::si64 offset, enum infile_base::seek origin) override;
    ojph::si64 tell() override { return ojph::si64(position); }
    bool eof() override { return position >= stream.bytes.size(); }

  private:
    const guarded_codestream &stream;
    std::size_t position = 0;
};

}  // namespace lucid_htj2k

#endif
