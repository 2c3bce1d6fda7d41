import Foundation

/// A bounded hand-off from the reader thread to one async consumer that never drops.
///
/// `AsyncStream` can only bound its buffer by dropping, and a dropped file would sit in the inbox
/// until the next restart. Here the producer (the dedicated reader thread, never a pool thread)
/// blocks on a condition variable while the buffer is full; the kernel keeps queueing inotify
/// events meanwhile, and if its queue overflows the watcher rescans. Backpressure thus costs
/// latency, never files.
///
/// States: `open` → `finished` (``finish()``: buffered files are still delivered, then `nil`) or
/// `terminated` (``terminate()``: the consumer went away; buffered files are discarded, they are
/// still in the inbox and will be found by the next scan).
final class FileChannel: @unchecked Sendable {  // all mutable state is guarded by `condition`
    private enum State { case open, finished, terminated }

    private let condition = NSCondition()
    private let capacity: Int
    private var buffer: [InboxFile] = []
    private var state = State.open
    private var waiter: CheckedContinuation<InboxFile?, Never>?
    private var onTermination: (@Sendable () -> Void)?

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        buffer.reserveCapacity(self.capacity)
    }

    /// Called once, outside the lock, when the consumer cancels or drops the sequence.
    func setOnTermination(_ handler: @escaping @Sendable () -> Void) {
        condition.lock()
        onTermination = handler
        condition.unlock()
    }

    // MARK: Producer (reader thread)

    /// Hands `file` to the consumer, blocking while the buffer is full.
    /// - Returns: false when the channel is finished or terminated: the reader should stop.
    func send(_ file: InboxFile) -> Bool {
        condition.lock()
        while state == .open, buffer.count >= capacity {
            condition.wait()
        }
        guard state == .open else {
            condition.unlock()
            return false
        }
        if let waiter {
            self.waiter = nil
            condition.unlock()
            waiter.resume(returning: file)
        } else {
            buffer.append(file)
            condition.unlock()
        }
        return true
    }

    /// Ends the stream after the files already buffered; wakes a blocked producer.
    func finish() {
        condition.lock()
        guard state == .open else {
            condition.unlock()
            return
        }
        state = .finished
        let waiter = self.waiter
        self.waiter = nil
        condition.broadcast()
        condition.unlock()
        waiter?.resume(returning: nil)
    }

    // MARK: Consumer

    /// The next file, or nil when finished. Cancelling the waiting task terminates the channel.
    func next() async -> InboxFile? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<InboxFile?, Never>) in
                condition.lock()
                if !buffer.isEmpty {
                    let file = buffer.removeFirst()
                    condition.signal()
                    condition.unlock()
                    continuation.resume(returning: file)
                } else if state != .open {
                    condition.unlock()
                    continuation.resume(returning: nil)
                } else {
                    waiter = continuation
                    condition.unlock()
                }
            }
        } onCancel: {
            terminate()
        }
    }

    /// The consumer is gone: discard the buffer, wake everyone, run the termination handler once.
    func terminate() {
        condition.lock()
        guard state != .terminated else {
            condition.unlock()
            return
        }
        state = .terminated
        buffer.removeAll()
        let waiter = self.waiter
        self.waiter = nil
        let handler = onTermination
        onTermination = nil
        condition.broadcast()
        condition.unlock()
        waiter?.resume(returning: nil)
        handler?()
    }
}
