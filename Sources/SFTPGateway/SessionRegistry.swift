import Foundation
import Synchronization

/// Live connections, the session limits, and the watchdog that enforces the login and idle
/// timeouts by cutting sockets (so an idle TCP peer, or a client that stops reading, never holds a
/// thread past its deadline).
final class SessionRegistry: Sendable {
    private struct State {
        var connections: [Int: ConnectionRecord] = [:]
        var partners: [Int: String] = [:]
        var nextID = 1
        var stopping = false
    }

    private let state = Mutex(State())
    private let limits: SFTPConfiguration
    private let drained = DispatchSemaphore(value: 0)

    init(limits: SFTPConfiguration) {
        self.limits = limits
    }

    /// Registers a new connection, or nil when the server is full or stopping.
    func admit(socket: Int32, address: String) -> ConnectionRecord? {
        state.withLock { state in
            guard !state.stopping, state.connections.count < limits.maximumSessions else { return nil }
            let record = ConnectionRecord(id: state.nextID, socket: socket, address: address)
            state.nextID += 1
            state.connections[record.id] = record
            return record
        }
    }

    /// Claims one of the partner's session slots; false when it already holds its maximum.
    func claim(_ record: ConnectionRecord, partner: String) -> Bool {
        state.withLock { state in
            let held = state.partners.values.filter { $0 == partner }.count
            guard held < limits.maximumSessionsPerPartner else { return false }
            state.partners[record.id] = partner
            return true
        }
    }

    func release(_ record: ConnectionRecord) {
        let empty = state.withLock { state in
            state.connections[record.id] = nil
            state.partners[record.id] = nil
            return state.stopping && state.connections.isEmpty
        }
        if empty { drained.signal() }
    }

    var count: Int { state.withLock { $0.connections.count } }

    /// Cuts connections past their login or idle deadline; returns how many.
    @discardableResult
    func enforceDeadlines(now: ContinuousClock.Instant = .now) -> Int {
        let expired = state.withLock { state in
            state.connections.values.filter { record in
                record.isAuthenticated
                    ? record.idleTime(now: now) > limits.idleTimeout
                    : now - record.started > limits.loginTimeout
            }
        }
        expired.forEach { $0.cut() }
        return expired.count
    }

    /// Refuses new connections, cuts every live one, and waits (up to `timeout`) for their threads
    /// to finish.
    func closeAll(timeout: Duration) {
        let live = state.withLock { state in
            state.stopping = true
            return Array(state.connections.values)
        }
        guard !live.isEmpty else { return }
        live.forEach { $0.cut() }
        let (seconds, attoseconds) = timeout.components
        _ = drained.wait(timeout: .now() + .seconds(Int(seconds)) + .nanoseconds(Int(attoseconds / 1_000_000_000)))
    }
}
