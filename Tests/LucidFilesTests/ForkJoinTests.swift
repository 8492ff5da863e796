import Dispatch
import Foundation
import LucidFiles
import Testing

/// `ForkJoin.run` runs its two closures at the same time, even when the dispatch pool is busy, and
/// returns only when both are done.
@Suite struct ForkJoinTests {
    @Test("each side waits for the other, which only works when both run at once; both results return")
    func bothAtOnce() {
        let backgroundStarted = DispatchSemaphore(value: 0)
        let foregroundStarted = DispatchSemaphore(value: 0)
        let (background, foreground) = ForkJoin.run(
            background: { () -> Bool in
                backgroundStarted.signal()
                return foregroundStarted.wait(timeout: .now() + 10) == .success
            },
            foreground: { () -> Bool in
                foregroundStarted.signal()
                return backgroundStarted.wait(timeout: .now() + 10) == .success
            })
        #expect(background && foreground)
    }

    @Test("with every core of the dispatch pool busy, the two still run at once")
    func busyPool() {
        let release = DispatchSemaphore(value: 0)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let busy = DispatchGroup()
        for _ in 0..<cores {
            DispatchQueue.global().async(group: busy) { _ = release.wait(timeout: .now() + 20) }
        }
        defer {
            for _ in 0..<cores { release.signal() }
            busy.wait()
        }
        let started = DispatchSemaphore(value: 0)
        let (background, foreground) = ForkJoin.run(
            background: { () -> Int in
                started.signal()
                return 7
            },
            foreground: { started.wait(timeout: .now() + 10) == .success })
        #expect(background == 7 && foreground)
    }
}
