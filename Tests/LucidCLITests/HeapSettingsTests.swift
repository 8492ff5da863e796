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
            let before = lucid_heap_mapped_block_count()
            let block = malloc(20 << 20)
            let during = lucid_heap_mapped_block_count()
            free(block)
            #expect(before >= 0 && during == before, "mapped blocks \(before) before, \(during) with the block")
        }
    #endif
}
