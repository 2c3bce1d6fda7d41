/// The files an ``InboxWatcher`` reports, in the order it found them.
///
/// Single consumer: iterate it from one task. The sequence ends (`nil`) after
/// ``InboxWatcher/stop()`` once the files already buffered are delivered, or when the reader
/// thread fails. Cancelling the task that waits in `next()`, or dropping every copy of the
/// sequence, its iterators and the watcher, stops the watcher, like `AsyncStream`'s termination.
public struct InboxFiles: AsyncSequence, Sendable {
    public typealias Element = InboxFile
    public typealias Failure = Never

    /// Stops the watcher when the last copy of the sequence and its iterators is released.
    final class Lifetime: Sendable {
        let channel: FileChannel
        init(channel: FileChannel) { self.channel = channel }
        deinit { channel.terminate() }
    }

    let lifetime: Lifetime

    init(channel: FileChannel) {
        lifetime = Lifetime(channel: channel)
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(lifetime: lifetime)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let lifetime: Lifetime

        public mutating func next() async -> InboxFile? {
            await lifetime.channel.next()
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> InboxFile? {
            await lifetime.channel.next()
        }
    }
}
