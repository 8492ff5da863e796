#ifndef LUCID_CHEAPSETTINGS_H
#define LUCID_CHEAPSETTINGS_H

/*
 * glibc's allocator settings for a batch of large images (see HeapSettings.swift in the lucid
 * executable): blocks up to LUCID_HEAP_MMAP_THRESHOLD bytes come from the heap instead of their own
 * mapping, the heap is given back to the kernel only when more than LUCID_HEAP_TRIM_THRESHOLD bytes
 * at its top are free, it grows by LUCID_HEAP_TOP_PAD bytes more than asked, and every thread
 * allocates from that one heap (LUCID_HEAP_ARENAS), so that a buffer freed by one worker is reused
 * by the next instead of each thread's arena holding its own copies. Returns 1 when every setting
 * was taken, 0 otherwise (and on systems without glibc, where it does nothing).
 */
int lucid_keep_large_blocks(void);

/* The number of blocks glibc's allocator holds in mappings of their own (mallinfo2's hblks), or -1
   without glibc. */
long lucid_heap_mapped_block_count(void);

/* 32 MiB: glibc refuses a larger mmap threshold on 64-bit systems (half its arena heap size). */
#define LUCID_HEAP_MMAP_THRESHOLD (32L << 20)
/* 1 GiB. */
#define LUCID_HEAP_TRIM_THRESHOLD (1L << 30)
/* 64 MiB. */
#define LUCID_HEAP_TOP_PAD (64L << 20)
/* One arena: the main heap. */
#define LUCID_HEAP_ARENAS 1

#endif
