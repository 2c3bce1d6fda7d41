import AuditLog
import Synchronization

/// The recorder every service of `serve` is given at construction, before the database (and so
/// the audit trail) exists: events recorded early (an SFTP login while the gateway still
/// migrates) wait here and are handed to the trail when the gateway attaches it.
public final class AuditRelay: AuditRecorder {
    private struct State {
        var target: (any AuditRecorder)?
        var waiting: [AuditEvent] = []
    }

    private let state = Mutex(State())

    public init() {}

    public func record(_ event: AuditEvent) {
        let target = state.withLock { state -> (any AuditRecorder)? in
            if state.target == nil { state.waiting.append(event) }
            return state.target
        }
        target?.record(event)
    }

    /// Sends what waited, then everything after, to `target`.
    public func attach(_ target: any AuditRecorder) {
        let waiting = state.withLock { state in
            state.target = target
            defer { state.waiting = [] }
            return state.waiting
        }
        waiting.forEach(target.record)
    }

    /// Stops forwarding (the trail is closing); later events wait for the next `attach`.
    public func detach() {
        state.withLock { $0.target = nil }
    }
}
