#ifndef LUCID_CHEAPSETTINGS_H
#define LUCID_CHEAPSETTINGS_H

/*
 * glibc's allocator settings for a batch of large images (see HeapSettings.swift in the lucid
 * executable): blocks up to `mmap_threshold` bytes come from the heap, and the heap is given back
 * to the kernel only when more than `trim_threshold` bytes at its top are free; it grows by
 * `top_pad` bytes more than asked. Returns 1 when every setting was taken, 0 otherwise (and on
 * systems without glibc, where it does nothing).
 */
int lucid_keep_large_blocks(long mmap_threshold, long trim_threshold, long top_pad);

#endif
