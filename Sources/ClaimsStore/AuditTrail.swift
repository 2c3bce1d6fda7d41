import AuditLog
import ClaimsCrypto
import Foundation
import Logging

/// The gateway's `AuditRecorder`: queues events without blocking and writes them, sealed and
/// chained, from one dedicated thread with its own PostgreSQL connection.
///
/// Batching is group commit: while one transaction is in flight, new events accumulate and the
/// next transaction takes all of them (up to `maximumBatch`), so auditing costs one round of
/// COPY per burst, not one per event. `flush()` waits until what was recorded before it is
/// committed; `close()` flushes, signs a final checkpoint and stops the thread. Events still
/// queued when the process dies are lost, which is why steps that matter call `flush()`.
public final class AuditTrail: AuditRecorder, @unchecked Sendable {
    public let sealer: AuditSealer
    let conninfo: String
    let policy: AuditRepository.CheckpointPolicy
    let mirror: AuditCheckpointMirror?
    let logger: Logger
    static let maximumBatch = 5_000

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var pending: [AuditEvent] = []
    private var enqueued: Int64 = 0
    private var written: Int64 = 0
    private var waiters: [(target: Int64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var stopping = false
    private var stopped = false
    // Touched only on the writer thread.
    private var connection: PQConnection?

    /// Starts the writer thread; the connection opens on first write.
    public init(
        conninfo: String, ring: KeyRing, policy: AuditRepository.CheckpointPolicy = .init(),
        mirror: AuditCheckpointMirror? = nil, logger: Logger
    ) {
        self.conninfo = conninfo
        sealer = AuditSealer(ring: ring)
        self.policy = policy
        self.mirror = mirror
        self.logger = logger
        let thread = Thread { [self] in run() }
        thread.name = "claimsgate.audit"
        thread.start()
    }

    public func record(_ event: AuditEvent) {
        condition.lock()
        pending.append(event)
        enqueued += 1
        condition.signal()
        condition.unlock()
    }

    /// Returns when every event recorded before the call is committed; throws the database error
    /// when the write failed (the events stay queued and are retried).
    public func flush() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            condition.lock()
            if written >= enqueued {
                condition.unlock()
                continuation.resume()
                return
            }
            waiters.append((enqueued, continuation))
            condition.signal()
            condition.unlock()
        }
    }

    /// Flushes, signs a final checkpoint and stops the writer thread.
    public func close() async throws {
        try await flush()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            condition.lock()
            stopping = true
            waiters.append((Int64.max, continuation))
            condition.signal()
            condition.unlock()
        }
    }

    // MARK: Writer thread

    private func run() {
        var failure: (any Error)?
        while true {
            condition.lock()
            if failure != nil || pending.isEmpty && !stopping {
                _ = condition.wait(until: Date(timeIntervalSinceNow: failure == nil ? Double(policy.intervalMicros) / 1e6 : 1))
            }
            let batch = Array(pending.prefix(Self.maximumBatch))
            let finishing = stopping && batch.count == pending.count
            condition.unlock()
            do {
                let outcome = try AuditRepository.append(
                    batch, sealer: sealer, policy: policy, forceCheckpoint: finishing, on: try openConnection())
                if let checkpoint = outcome.checkpoint { mirror?.append(checkpoint, logger: logger) }
                failure = nil
                if complete(batch.count, finishing: finishing, error: nil) { break }
            } catch {
                failure = error
                connection = nil
                logger.error("audit write failed; retrying", metadata: ["error": "\(error)"])
                if complete(0, finishing: finishing, error: error) { break }
            }
        }
        connection = nil
    }

    /// Marks `count` events written and resumes the waiters that are satisfied (all of them,
    /// with `error`, when the write failed). Returns true when the thread should end.
    private func complete(_ count: Int, finishing: Bool, error: (any Error)?) -> Bool {
        condition.lock()
        pending.removeFirst(count)
        written += Int64(count)
        let ending = finishing && error == nil
        var ready: [CheckedContinuation<Void, any Error>] = []
        waiters.removeAll { waiter in
            guard error != nil || waiter.target <= written || ending else { return false }
            ready.append(waiter.continuation)
            return true
        }
        if ending { stopped = true }
        condition.unlock()
        for continuation in ready {
            if let error { continuation.resume(throwing: error) } else { continuation.resume() }
        }
        return ending
    }

    private func openConnection() throws -> PQConnection {
        if let connection, connection.isHealthy { return connection }
        let opened = try PQConnection(conninfo: conninfo)
        connection = opened
        return opened
    }
}
