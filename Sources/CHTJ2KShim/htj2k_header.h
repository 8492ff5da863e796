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

/* Reads the main header of the codestream `file` is open on with `codestream` (which may throw),
   filling `header`. -1 with a message when the size is invalid. The caller has checked the
   codestream's structure (`structure_problem`). */
int read_main_header(ojph::infile_base &file, ojph::codestream &codestream, lucid_htj2k_header *header,
                     char *message, std::size_t capacity);

/* Whether two reads of a main header agree on every field. */
bool same_header(const lucid_htj2k_header &a, const lucid_htj2k_header &b);

}  // namespace lucid_htj2k

#endif
