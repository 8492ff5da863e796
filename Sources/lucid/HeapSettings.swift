import CHeapSettings

/// How glibc's allocator keeps the large buffers of an image step.
///
/// Every frame Lucid processes needs buffers of megabytes (a 2048 x 2500 CR frame: 10 MB of file,
/// 10 MB of samples, 10 MB per filter step, 5 MB of rendition). By default glibc hands blocks of
/// that size back to the kernel when they are freed (mmap threshold and heap trimming), so the next
/// file of a batch faults every page in again and the kernel zeroes it: on the pipeline benchmark's
/// 20 CR files a quarter of the CPU time was page faults and page clearing. Kept in the heap instead
/// (blocks up to 256 MiB from the heap, given back only above 1 GiB free at its top), the same run
/// took 12 % less time. What stays is what the batch already used at its peak, which `--max-memory`
/// bounds.
enum HeapSettings {
    /// Applies the settings; does nothing without glibc.
    static func apply() {
        _ = lucid_keep_large_blocks(256 << 20, 1 << 30, 64 << 20)
    }
}
