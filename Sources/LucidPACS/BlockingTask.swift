import Dispatch
import Synchronization

/// Runs async work to completion from synchronous code on a thread of its own (the batch workers,
/// a command's main thread), never from inside Swift's cooperative pool, where blocking a thread
/// could starve the work it waits for.
public enum BlockingTask {
    public static func run<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> T {
        let result = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let value = await operation()
            result.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        guard let value = result.withLock({ $0.take() }) else {
            preconditionFailure("BlockingTask: the task signalled completion without a result")
        }
        return value
    }
}
