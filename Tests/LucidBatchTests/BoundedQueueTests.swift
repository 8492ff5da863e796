import Foundation
import LucidBatch
import Testing

/// The queue between the walker and the workers never holds more than its capacity.
@Suite struct BoundedQueueTests {
    @Test("A fast producer never gets more than `capacity` items ahead of a slow consumer")
    func bound() {
        let queue = BoundedQueue<Int>(capacity: 3)
        let group = DispatchGroup()
        group.enter()
        Thread {
            for item in 0..<200 { queue.push(item) }
            queue.finish()
            group.leave()
        }.start()
        var received: [Int] = []
        while let item = queue.pop() {
            received.append(item)
            if item % 20 == 0 { usleep(2_000) }
        }
        group.wait()
        #expect(received == Array(0..<200))
        #expect(queue.highWaterMark <= 3)
        #expect(queue.highWaterMark == 3)
    }

    @Test("Cancelling wakes a blocked producer and drops what waits")
    func cancel() {
        let queue = BoundedQueue<Int>(capacity: 1)
        queue.push(1)
        let group = DispatchGroup()
        let accepted = LockedFlag()
        group.enter()
        Thread {
            accepted.set(queue.push(2))
            group.leave()
        }.start()
        usleep(20_000)
        queue.cancel()
        group.wait()
        #expect(accepted.value == false)
        #expect(queue.pop() == nil)
    }
}

/// A Bool shared between threads.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Bool?
    func set(_ value: Bool) {
        lock.lock()
        stored = value
        lock.unlock()
    }
    var value: Bool? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
