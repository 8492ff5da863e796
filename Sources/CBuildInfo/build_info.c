#include "CBuildInfo.h"

const char *lucid_build_simd_level(void) {
#if defined(__x86_64__)
#if defined(__AVX512F__) && defined(__AVX512BW__) && defined(__AVX512VL__)
    return "x86-64-v4 (AVX-512)";
#elif defined(__AVX2__) && defined(__FMA__)
    return "x86-64-v3 (AVX2, FMA)";
#elif defined(__SSE4_2__)
    return "x86-64-v2 (SSE4.2)";
#else
    return "x86-64 baseline (SSE2)";
#endif
#elif defined(__aarch64__)
    return "arm64 (NEON)";
#else
    return "portable (no SIMD level known)";
#endif
}
