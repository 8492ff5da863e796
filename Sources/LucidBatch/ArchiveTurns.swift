import Synchronization

/// Files the files of one batch that share a SOP Instance UID in the order the batch started them,
/// which is the walk order, whatever the workers' timing: of two files with one UID and different
/// bytes the first is archived and the second meets it as archived (a conflict naming it); of two
/// with the same bytes the first is archived and the second is skipped as already archived.
///
/// Each started file has a `Turn` numbered in start order. A file says which UID it claims as soon
/// as it knows it (`claim`), and waits before filing (`wait`) until every file started before it
/// has claimed a UID or is done, and every earlier file claiming the same UID is done. A file waits
/// only for earlier files, which never wait for it, so the earliest file never waits: no cycle,
/// whatever `--jobs`. Files with distinct UIDs wait only for the earlier files to be read. Memory
/// holds the files in flight, never the whole batch.
package final class ArchiveTurns: Sendable {
    private struct Waiter {
        let index: Int
        let uid: String
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        /// Every file numbered below it has claimed a UID or is done.
        var frontier = 0
        /// The files at or above `frontier` that have claimed a UID or are done.
        var settled: Set<Int> = []
        /// The UID claimed by each file not done yet, and those files by UID.
        var claims: [Int: String] = [:]
        var claimants: [String: Set<Int>] = [:]
        var waiters: [Waiter] = []

        mutating func claim(_ uid: String, index: Int) {
            claims[index] = uid
            claimants[uid, default: []].insert(index)
            settle(index)
        }

        mutating func done(_ index: Int) {
            if let uid = claims.removeValue(forKey: index) {
                claimants[uid]?.remove(index)
                if claimants[uid]?.isEmpty == true { claimants[uid] = nil }
            }
            settle(index)
        }

        mutating func settle(_ index: Int) {
            guard index >= frontier else { return }
            settled.insert(index)
            while settled.remove(frontier) != nil { frontier += 1 }
        }

        func isReady(_ index: Int, uid: String) -> Bool {
            frontier >= index && !(claimants[uid] ?? []).contains { $0 < index }
        }

        /// Removes and returns the waiters whose turn has come.
        mutating func readyWaiters() -> [Waiter] {
            var ready: [Waiter] = []
            var waiting: [Waiter] = []
            for waiter in waiters {
                if isReady(waiter.index, uid: waiter.uid) { ready.append(waiter) } else { waiting.append(waiter) }
            }
            waiters = waiting
            return ready
        }
    }

    /// One file's place in the order, from 0.
    package struct Turn: Sendable {
        let turns: ArchiveTurns
        let index: Int

        /// The file holds SOP Instance UID `uid`.
        package func claim(_ uid: String) { turns.update { $0.claim(uid, index: index) } }

        /// Returns once every file started before this one has claimed a UID or is done, and every
        /// earlier file claiming `uid` is done.
        package func wait(for uid: String) async { await turns.wait(index, uid: uid) }

        /// The file is done with the archive (filed, skipped or failed); call it once, on every path.
        package func done() { turns.update { $0.done(index) } }
    }

    private let state = Mutex(State())

    package init() {}

    /// The turn of the file started `index`-th (from 0); every index must be handed out, in order.
    package func turn(_ index: Int) -> Turn { Turn(turns: self, index: index) }

    private func update(_ change: (inout State) -> Void) {
        let ready = state.withLock { state in
            change(&state)
            return state.readyWaiters()
        }
        for waiter in ready { waiter.continuation.resume() }
    }

    private func wait(_ index: Int, uid: String) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state in
                if state.isReady(index, uid: uid) { return true }
                state.waiters.append(Waiter(index: index, uid: uid, continuation: continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }
}
