#ifndef LUCID_CBUILDINFO_H
#define LUCID_CBUILDINFO_H

/*
 * What the compiler was told to build for, read from its predefined macros: the instruction set
 * level of the build (`-march`, e.g. from Toolsets/x86-64-v3.json), as `lucid --version` prints it.
 */

#ifdef __cplusplus
extern "C" {
#endif

/** A static, NUL-terminated description such as "x86-64-v3 (AVX2, FMA)" or "arm64 (NEON)". */
const char *lucid_build_simd_level(void);

#ifdef __cplusplus
}
#endif

#endif
