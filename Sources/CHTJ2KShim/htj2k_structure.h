#ifndef LUCID_HTJ2K_STRUCTURE_H
#define LUCID_HTJ2K_STRUCTURE_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace lucid_htj2k {

/* Checks the marker structure of a codestream before OpenJPH 0.9.0 sees it, because OpenJPH
   trusts it: a zero tile size divides by zero, a tile offset outside the image loops forever or
   reads through a null pointer, a progression order above 4 or a QCD style that does not match
   the wavelet fails an assert (abort). Returns "" when the main header (SIZ, COD, QCD, QCC) and
   every tile-part header (SOT and the markers up to SOD) are well formed, else the reason. */
std::string structure_problem(const uint8_t *data, std::size_t length);

}  // namespace lucid_htj2k

#endif
