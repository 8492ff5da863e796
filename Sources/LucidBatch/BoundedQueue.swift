import Foundation

/// A first-in first-out queue holding at most `capacity` items, shared by one producer and several
/// consumers on their own threads: `push` waits while the queue is full, `pop` while it is empty.
/// This is what keeps a batch's memory bounded: the walker runs at most `capacity` files ahead of
/// the workers.
public final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private var finished = false
    private var cancelled = false
    /// The most items held at once.
    public let capacity: Int
    /// The largest number of items ever held at once (for tests of the bound).
    public private(set) var highWaterMark = 0

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds `item`, waiting while the queue is full. Returns false (dropping the item) once cancelled.
    @discardableResult
    public func push(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        highWaterMark = max(highWaterMark, items.count - head)
        condition.broadcast()
        return true
    }

    /// The oldest item, waiting while the queue is empty; nil once it is finished and drained, or
    /// cancelled.
    public func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !finished && !cancelled { condition.wait() }
        guard !cancelled, head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item
    }

    /// No more items will be pushed; consumers drain what is left.
    public func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Drops the waiting items and wakes everyone: `push` returns false and `pop` nil from now on.
    public func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        head = 0
        condition.broadcast()
        condition.unlock()
    }

    /// Items waiting now.
    public var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return items.count - head
    }
}
