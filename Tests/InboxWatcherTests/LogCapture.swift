import Logging
import Synchronization

/// An in-memory log handler, so tests can assert on what the watcher logged (and wait for a
/// message) without bootstrapping the global logging system.
final class LogCapture: Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private struct State {
        var entries: [Entry] = []
        var waiters: [(predicate: @Sendable (Entry) -> Bool, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    var logger: Logger {
        var logger = Logger(label: "claimsgate.inbox-watcher.test") { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    var entries: [Entry] { state.withLock { $0.entries } }

    func contains(_ text: String, level: Logger.Level? = nil) -> Bool {
        entries.contains { $0.message.contains(text) && (level == nil || $0.level == level) }
    }

    /// Waits until an entry whose message contains `text` has been logged (possibly already).
    /// Callers bound this with a deadline.
    func waitFor(_ text: String) async {
        await waitFor { $0.message.contains(text) }
    }

    /// Waits until an entry matching `predicate` has been logged (possibly already).
    func waitFor(where predicate: @escaping @Sendable (Entry) -> Bool) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let found = state.withLock { state in
                if state.entries.contains(where: predicate) { return true }
                state.waiters.append((predicate, continuation))
                return false
            }
            if found { continuation.resume() }
        }
    }

    fileprivate func append(_ entry: Entry) {
        let ready = state.withLock { state in
            state.entries.append(entry)
            let ready = state.waiters.filter { $0.predicate(entry) }.map(\.continuation)
            state.waiters.removeAll { $0.predicate(entry) }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.append(
                Entry(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}
