#ifndef LUCID_HTJ2K_HEADER_H
#define LUCID_HTJ2K_HEADER_H

/* Reading the main header through OpenJPH, shared by lucid_htj2k_read_header and the decoder. */

#include "CHTJ2KShim.h"

#include <openjph/ojph_arch.h>
#include <openjph/ojph_codestream.h>
#include <openjph/ojph_file.h>

#include <cstddef>
#include <cstdint>

namespace lucid_htj2k {

/* Checks the codestream's structure, opens `file` on it and reads its main header with
   `codestream` (which may throw), filling `header`. -1 with a message when the structure or the
   size is invalid. */
int read_main_header(ojph::mem_infile &file, ojph::codestream &codestream, const uint8_t *data, std::size_t length,
                     lucid_htj2k_header *header, char *message, std::size_t capacity);

/* Whether two reads of a main header agree on every field. */
bool same_header(const lucid_htj2k_header &a, const lucid_htj2k_header &b);

}  // namespace lucid_htj2k

#endif
