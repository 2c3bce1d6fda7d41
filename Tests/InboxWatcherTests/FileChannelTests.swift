import Foundation
import Synchronization
import Testing

@testable import InboxWatcher

/// The bounded hand-off on its own: order, backpressure without loss, finish and terminate.
@Suite struct FileChannelTests {
    static func file(_ index: Int) -> InboxFile {
        InboxFile(partner: "p", name: "f\(index)", url: URL(fileURLWithPath: "/inbox/p/f\(index)"))
    }

    /// Sends `count` files from a dedicated thread, as the reader does; reports how many sends
    /// succeeded once the thread ends.
    static func produce(_ count: Int, into channel: FileChannel) async -> Int {
        await withCheckedContinuation { continuation in
            Thread {
                var sent = 0
                for index in 0..<count where channel.send(file(index)) { sent += 1 }
                continuation.resume(returning: sent)
            }.start()
        }
    }

    @Test func aFullBufferBlocksTheProducerInsteadOfDropping() async throws {
        let channel = FileChannel(capacity: 2)
        async let sent = Self.produce(50, into: channel)
        var received: [String] = []
        for _ in 0..<50 {
            received.append(try #require(await channel.next()).name)
        }
        #expect(received == (0..<50).map { "f\($0)" })
        #expect(await sent == 50)
    }

    @Test func finishDeliversWhatIsBufferedThenEnds() async {
        let channel = FileChannel(capacity: 4)
        #expect(channel.send(Self.file(0)))
        #expect(channel.send(Self.file(1)))
        channel.finish()
        #expect(!channel.send(Self.file(2)))
        #expect(await channel.next()?.name == "f0")
        #expect(await channel.next()?.name == "f1")
        #expect(await channel.next() == nil)
    }

    @Test func finishWakesABlockedProducer() async {
        let channel = FileChannel(capacity: 1)
        #expect(channel.send(Self.file(0)))
        async let sent = Self.produce(3, into: channel)  // blocks on its first send
        channel.finish()
        #expect(await sent == 0)
    }

    @Test func cancellingAWaitingConsumerTerminatesOnce() async throws {
        let channel = FileChannel(capacity: 1)
        let calls = Mutex(0)
        channel.setOnTermination { calls.withLock { $0 += 1 } }
        let consumer = Task { await channel.next() }
        consumer.cancel()
        #expect(await consumer.value == nil)
        channel.terminate()
        #expect(calls.withLock { $0 } == 1)
        #expect(!channel.send(Self.file(0)))
    }

    @Test func droppingEveryCopyOfTheSequenceTerminates() {
        let channel = FileChannel(capacity: 1)
        let calls = Mutex(0)
        channel.setOnTermination { calls.withLock { $0 += 1 } }
        do {
            let files = InboxFiles(channel: channel)
            _ = files.makeAsyncIterator()
        }
        #expect(calls.withLock { $0 } == 1)
    }
}
