#include <stdlib.h> /* defines __GLIBC__ on glibc systems */

#include "CHeapSettings.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int lucid_keep_large_blocks(void) {
#if defined(__GLIBC__)
    /* Each call is made whatever the others return, so one refusal does not undo the rest. */
    int taken = mallopt(M_MMAP_THRESHOLD, (int)LUCID_HEAP_MMAP_THRESHOLD);
    taken &= mallopt(M_TRIM_THRESHOLD, (int)LUCID_HEAP_TRIM_THRESHOLD);
    taken &= mallopt(M_TOP_PAD, (int)LUCID_HEAP_TOP_PAD);
    taken &= mallopt(M_ARENA_MAX, LUCID_HEAP_ARENAS);
    return taken == 1;
#else
    return 0;
#endif
}

long lucid_heap_mapped_block_count(void) {
#if defined(__GLIBC__)
    return (long)mallinfo2().hblks;
#else
    return -1;
#endif
}
