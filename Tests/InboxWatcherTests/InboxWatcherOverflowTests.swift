import Foundation
import Testing

@testable import InboxWatcher

/// The kernel's queue holds `fs.inotify.max_queued_events` events per instance (16384 by
/// default), then replaces the rest with one `IN_Q_OVERFLOW`. This provokes a real overflow (no
/// root needed): a one-slot buffer nobody reads blocks the reader thread, and the test drops more
/// files than the queue holds. The watcher must then rescan and report every file.
@Suite struct InboxWatcherOverflowTests {
    static let queueLimit: Int? = {
        guard let text = try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8)
        else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }()

    @Test(.enabled(if: (queueLimit ?? .max) <= 65_536, "needs a kernel queue small enough to overflow quickly"))
    func queueOverflowTriggersARescanThatFindsEveryFile() async throws {
        let limit = try #require(Self.queueLimit)
        let inbox = try InboxHarness(partners: ["acme"], bufferCapacity: 1)
        try await inbox.start()
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)

        // More than the queue holds plus what the blocked reader already took in one read.
        let count = limit + 2_000
        let names = (0..<count).map { String(format: "claims-%06d.x12", $0) }
        for name in names { try inbox.write(name, partner: "acme", contents: "") }

        let received = try await inbox.receive(Set(names), within: .seconds(120))
        #expect(Set(received.map(\.name)) == Set(names))
        #expect(inbox.logs.contains("inotify queue overflowed", level: .warning))
        // Duplicates are expected here (queued events, then the rescan); the consumer is idempotent.
        #expect(received.count >= count)
    }
}
