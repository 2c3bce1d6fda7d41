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
    /// Called once, right after the `ready` line (the benchmark starts its clock there).
    private let onReady: @Sendable () -> Void

    public init(waitingFor parts: Set<Part>, logger: Logger, onReady: @escaping @Sendable () -> Void = {}) {
        pending = Mutex(parts)
        self.logger = logger
        self.onReady = onReady
    }

    public func report(_ part: Part, metadata: Logger.Metadata = [:]) {
        let done = pending.withLock { pending in
            pending.remove(part) != nil && pending.isEmpty
        }
        if done {
            logger.info("ready", metadata: metadata)
            onReady()
        }
    }
}
