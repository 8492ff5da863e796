import CHeapSettings

/// How glibc's allocator keeps the large buffers of an image step.
///
/// Every frame Lucid processes needs buffers of megabytes (a 2048 x 2500 CR frame: 10 MB of file,
/// 10 MB of samples, 10 MB per filter step, 5 MB of rendition). By default glibc hands blocks of
/// that size back to the kernel when they are freed (mmap threshold and heap trimming), so the next
/// file of a batch faults every page in again and the kernel zeroes it: on the pipeline benchmark's
/// 20 CR files a quarter of the CPU time was page faults and page clearing. Kept in the heap instead
/// (blocks up to 32 MiB, glibc's largest mmap threshold on 64-bit systems, from the heap; the heap
/// given back only above 1 GiB free at its top), the same run made 84,000 page faults instead of
/// 138,000. Every thread also allocates from the one main heap: with an arena per thread (glibc's
/// default) a frame's buffers were freed into whichever arena the worker thread of the moment
/// owned, and each arena faulted in its own. With one arena the run made 29,000 page faults, held
/// 150 MB instead of 260 MB at its peak, and took 0.40 to 0.43 s against 0.46 to 0.54 s (six
/// alternated runs each). What is left is the first touch of what the batch uses at its peak,
/// which `--max-memory` bounds. Larger blocks (frames above 32 MiB) still get their own mapping.
enum HeapSettings {
    /// Applies the settings (`lucid_keep_large_blocks`); does nothing without glibc.
    static func apply() {
        _ = lucid_keep_large_blocks()
    }
}
