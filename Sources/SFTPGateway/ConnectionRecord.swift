import Glibc
import Synchronization

/// What the server knows of one live connection, shared between its session thread (which marks
/// activity) and the watchdog (which closes it when a deadline passes).
final class ConnectionRecord: Sendable {
    let id: Int
    let socket: Int32
    let address: String
    let started: ContinuousClock.Instant
    private let lastActivity: Atomic<Int64>
    private let authenticated = Atomic<Bool>(false)
    /// True once the socket was shut down or handed back for closing; guarded so `cut` never
    /// touches a descriptor number that was closed and reused.
    private let closed = Mutex(false)

    init(id: Int, socket: Int32, address: String, now: ContinuousClock.Instant = .now) {
        self.id = id
        self.socket = socket
        self.address = address
        started = now
        lastActivity = Atomic(0)
    }

    /// Called for every SFTP request: the idle clock restarts.
    func markActive(now: ContinuousClock.Instant = .now) {
        lastActivity.store(Self.nanoseconds(now - started), ordering: .relaxed)
    }

    func markAuthenticated() {
        markActive()
        authenticated.store(true, ordering: .relaxed)
    }

    var isAuthenticated: Bool { authenticated.load(ordering: .relaxed) }

    func idleTime(now: ContinuousClock.Instant) -> Duration {
        now - (started + .nanoseconds(lastActivity.load(ordering: .relaxed)))
    }

    /// Ends the connection from outside its thread: the blocked read or write in libssh returns an
    /// error and the session thread unwinds and frees everything itself. Idempotent.
    func cut() {
        closed.withLock { closed in
            guard !closed else { return }
            closed = true
            shutdown(socket, Int32(SHUT_RDWR))
        }
    }

    /// Called by the session thread before it frees the session (which closes the socket).
    func retire() {
        closed.withLock { $0 = true }
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
