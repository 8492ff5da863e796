import CHeapSettings
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `lucid` keeps a batch's large buffers in glibc's heap (`HeapSettings`): every setting must be one
/// glibc takes (it refuses an mmap threshold above 32 MiB on 64-bit systems), or the buffers go back
/// to the kernel after each file and are faulted in again.
@Suite("Heap settings")
struct HeapSettingsTests {
    #if canImport(Glibc)
        @Test("glibc takes every setting, and a 20 MiB block then comes from the heap, not a mapping")
        func takenByGlibc() {
            #expect(lucid_keep_large_blocks() == 1)
            // Other tests of this process may map or unmap blocks of their own between the two
            // counts, so one of five attempts must see the count unchanged by the block.
            var counts: [(before: Int, during: Int)] = []
            for _ in 0..<5 {
                let before = lucid_heap_mapped_block_count()
                let block = malloc(20 << 20)
                let during = lucid_heap_mapped_block_count()
                free(block)
                counts.append((before, during))
                if before >= 0 && during == before { break }
            }
            #expect(counts.contains { $0.before >= 0 && $0.during == $0.before }, "mapped blocks: \(counts)")
        }
    #endif
}
