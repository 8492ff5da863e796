#include "CHeapSettings.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int lucid_keep_large_blocks(long mmap_threshold, long trim_threshold, long top_pad) {
#if defined(__GLIBC__)
    if (mmap_threshold < 0 || mmap_threshold > 0x7fffffffL || trim_threshold < 0 || trim_threshold > 0x7fffffffL
        || top_pad < 0 || top_pad > 0x7fffffffL) {
        return 0;
    }
    int taken = mallopt(M_MMAP_THRESHOLD, (int)mmap_threshold);
    taken &= mallopt(M_TRIM_THRESHOLD, (int)trim_threshold);
    taken &= mallopt(M_TOP_PAD, (int)top_pad);
    return taken == 1;
#else
    (void)mmap_threshold;
    (void)trim_threshold;
    (void)top_pad;
    return 0;
#endif
}
