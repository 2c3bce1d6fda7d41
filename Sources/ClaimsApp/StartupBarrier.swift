import Logging
import Synchronization

/// Logs the single `ready` line once every part of `serve` accepts work (the inbox watcher, and the
/// SFTP listener when it is enabled), so scripts and tests that wait for `ready` can use them all.
public final class StartupBarrier: Sendable {
    public enum Part: String, Sendable {
        case watcher, sftp
    }

    private let pending: Mutex<Set<Part>>
    private let logger: Logger

    public init(waitingFor parts: Set<Part>, logger: Logger) {
        pending = Mutex(parts)
        self.logger = logger
    }

    public func report(_ part: Part, metadata: Logger.Metadata = [:]) {
        let done = pending.withLock { pending in
            pending.remove(part) != nil && pending.isEmpty
        }
        if done { logger.info("ready", metadata: metadata) }
    }
}
