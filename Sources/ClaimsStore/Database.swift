import Logging
import Synchronization

/// The async face of PostgreSQL for the rest of the gateway: a small pool of connections, each on
/// its own dedicated thread.
///
/// `withConnection` borrows one connection exclusively for the body, which runs on that
/// connection's thread (never on the cooperative pool), and hands back a `Sendable` result. Threads
/// start lazily, on first use, up to `configuration.poolSize`; callers beyond that wait in FIFO
/// order. Call `shutdown()` when done; a released `Database` also stops its threads.
public final class Database: Sendable {
    public let configuration: DatabaseConfiguration
    let logger: Logger
    private let state: Mutex<State>

    private struct State: ~Copyable {
        var idle: [ConnectionWorker] = []
        var all: [ConnectionWorker] = []
        /// Workers created or being created: reserved under the lock so the pool never overshoots.
        var created = 0
        var waiters: [(id: UInt64, continuation: CheckedContinuation<ConnectionWorker, any Error>)] = []
        var nextWaiterID: UInt64 = 0
        var isShutDown = false
    }

    /// Creates the pool; no thread or connection is opened until the first `withConnection`.
    public init(configuration: DatabaseConfiguration, logger: Logger = Logger(label: "claimsgate.store")) throws {
        guard configuration.poolSize > 0 else {
            throw StoreError(code: .invalidConfiguration, message: "database pool size must be at least 1")
        }
        self.configuration = configuration
        self.logger = logger
        state = Mutex(State())
    }

    deinit {
        state.withLock { state in state.all.forEach { $0.stop() } }
    }

    /// Runs `body` with exclusive use of one connection, on that connection's thread.
    ///
    /// A transaction the body left open (because it threw mid-way) is rolled back before the
    /// connection is reused; a broken connection is reopened on next use.
    @discardableResult
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (PQConnection) throws -> T) async throws -> T {
        let worker = try await acquire()
        defer { release(worker) }
        return try await withCheckedThrowingContinuation { continuation in
            worker.submit { connect in
                continuation.resume(with: Result { try body(try connect()) })
            }
        }
    }

    /// Fails waiting callers, lets running bodies finish and stops every thread. Later calls to
    /// `withConnection` throw `poolShutDown`.
    public func shutdown() {
        let (workers, waiters) = state.withLock { state in
            state.isShutDown = true
            let waiters = state.waiters
            state.waiters = []
            return (state.all, waiters)
        }
        for waiter in waiters {
            waiter.continuation.resume(throwing: StoreError(code: .poolShutDown, message: "database pool shut down"))
        }
        workers.forEach { $0.stop() }
    }

    // MARK: Pool

    private enum Acquisition {
        case ready(ConnectionWorker)
        case create(Int)
        case waiting
        case failed(any Error)
    }

    private func acquire() async throws -> ConnectionWorker {
        let waiterID = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let acquisition = state.withLock { state -> Acquisition in
                    if state.isShutDown {
                        return .failed(StoreError(code: .poolShutDown, message: "database pool shut down"))
                    }
                    if let worker = state.idle.popLast() { return .ready(worker) }
                    if state.created < configuration.poolSize {
                        state.created += 1
                        return .create(state.created - 1)
                    }
                    // Checked under the lock that the cancellation handler also takes: no lost wake-up.
                    if Task.isCancelled { return .failed(CancellationError()) }
                    state.waiters.append((waiterID, continuation))
                    return .waiting
                }
                switch acquisition {
                case .ready(let worker):
                    continuation.resume(returning: worker)
                case .create(let index):
                    let worker = ConnectionWorker(
                        conninfo: configuration.url, name: "claimsgate.pg.\(index)", logger: logger)
                    let isShutDown = state.withLock { state in
                        state.all.append(worker)
                        return state.isShutDown
                    }
                    if isShutDown { worker.stop() }
                    continuation.resume(returning: worker)
                case .waiting:
                    break
                case .failed(let error):
                    continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            let cancelled = state.withLock { state in
                state.waiters.firstIndex { $0.id == waiterID }.map { state.waiters.remove(at: $0).continuation }
            }
            cancelled?.resume(throwing: CancellationError())
        }
    }

    private func release(_ worker: ConnectionWorker) {
        let waiter = state.withLock { state -> CheckedContinuation<ConnectionWorker, any Error>? in
            if state.isShutDown {
                worker.stop()
                return nil
            }
            if !state.waiters.isEmpty { return state.waiters.removeFirst().continuation }
            state.idle.append(worker)
            return nil
        }
        waiter?.resume(returning: worker)
    }
}
