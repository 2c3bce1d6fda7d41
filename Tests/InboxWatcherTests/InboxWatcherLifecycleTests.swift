import Foundation
import Testing

@testable import InboxWatcher

/// Stopping: by `stop()`, by cancelling `run()`, by the consumer going away. Each must end the
/// stream and the reader thread promptly (the thread waits in `poll` on a wake socket).
@Suite struct InboxWatcherLifecycleTests {
    @Test func stopEndsTheStreamAndTheThread() async throws {
        let inbox = try InboxHarness(partners: ["acme"])
        try await inbox.start()
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)

        inbox.watcher.stop()
        #expect(try await inbox.next() == nil)
        let failure = try await withDeadline("thread exit") { await inbox.watcher.waitUntilStopped() }
        #expect(failure == nil)
        #expect(inbox.watcher.core.hasExited)
        #expect(inbox.logs.contains("Inbox watcher stopped"))
        inbox.watcher.stop()  // idempotent
        #expect(throws: InboxWatcherError.self) { try inbox.watcher.start() }
    }

    @Test func stopUnblocksAThreadWaitingForTheConsumer() async throws {
        let inbox = try InboxHarness(partners: ["acme"], bufferCapacity: 1)
        for index in 0..<5 { try inbox.write("file-\(index).x12", partner: "acme") }
        try inbox.watcher.start()
        // Not consuming: file-0 fills the one-slot buffer and the thread blocks sending file-1.
        try await withDeadline("reader blocked") {
            await inbox.logs.waitFor { $0.metadata["inbox.file"] == "file-1.x12" }
        }
        inbox.watcher.stop()
        _ = try await withDeadline("thread exit") { await inbox.watcher.waitUntilStopped() }
        // What was buffered is still delivered, then the stream ends.
        #expect(try await inbox.next()?.name == "file-0.x12")
        #expect(try await inbox.next() == nil)
    }

    @Test func cancellingRunStopsTheWatcher() async throws {
        let inbox = try InboxHarness(partners: ["acme"])
        let watcher = inbox.watcher
        let running = Task { try await watcher.run() }
        try await withDeadline("initial scan") { await inbox.logs.waitFor("initial scan done") }
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)

        running.cancel()
        try await withDeadline("run() to return") { try await running.value }
        #expect(watcher.core.hasExited)
        #expect(try await inbox.next() == nil)
    }

    @Test func cancellingTheConsumerStopsTheWatcher() async throws {
        let inbox = try InboxHarness(partners: ["acme"])
        try await inbox.start()
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)

        let files = inbox.watcher.files
        let consumer = Task {
            for await _ in files {}
        }
        consumer.cancel()
        await consumer.value
        _ = try await withDeadline("thread exit") { await inbox.watcher.waitUntilStopped() }
        #expect(inbox.watcher.core.hasExited)
    }

    @Test func stopBeforeStartEndsTheStream() async throws {
        let inbox = try InboxHarness(partners: ["acme"])
        inbox.watcher.stop()
        #expect(try await inbox.next() == nil)
        try await withDeadline("run() to return") { try await inbox.watcher.run() }
    }

    /// Each run holds an inotify descriptor, two wake-socket ends and one descriptor per partner
    /// folder. After 100 start/stop cycles the process must not hold ~400 more; the margin absorbs
    /// tests running in parallel in this process.
    @Test func stoppingReleasesEveryDescriptor() async throws {
        func openDescriptors() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        }
        let inbox = try InboxHarness(partners: ["acme"])
        let before = try openDescriptors()
        for _ in 0..<100 {
            let configuration = InboxWatcher.Configuration(root: inbox.root, partners: ["acme"])
            let watcher = InboxWatcher(configuration: configuration, logger: inbox.logs.logger)
            try watcher.start()
            watcher.stop()
            let failure = try await withDeadline("thread exit") { await watcher.waitUntilStopped() }
            #expect(failure == nil)
        }
        #expect(try openDescriptors() - before < 100)
    }
}
