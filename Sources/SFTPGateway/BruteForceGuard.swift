import Foundation
import Synchronization

/// Bans a source address that fails authentication too often: `maximumFailures` failures within
/// `window` ban it for `banDuration`. A banned address is disconnected at accept, before key
/// exchange, so guessing costs the attacker a TCP handshake and the server nothing.
public final class BruteForceGuard: Sendable {
    public struct Policy: Sendable, Equatable {
        public var maximumFailures: Int
        public var window: Duration
        public var banDuration: Duration

        public init(maximumFailures: Int = 10, window: Duration = .seconds(300), banDuration: Duration = .seconds(900)) {
            self.maximumFailures = maximumFailures
            self.window = window
            self.banDuration = banDuration
        }
    }

    private struct Record {
        var failures: [ContinuousClock.Instant] = []
        var bannedUntil: ContinuousClock.Instant?
    }

    public let policy: Policy
    private let records = Mutex<[String: Record]>([:])

    public init(policy: Policy) {
        self.policy = policy
    }

    /// Whether `address` is banned now.
    public func isBanned(_ address: String, now: ContinuousClock.Instant = .now) -> Bool {
        records.withLock { records in
            guard let until = records[address]?.bannedUntil else { return false }
            if until > now { return true }
            records[address] = nil
            return false
        }
    }

    /// Counts a failure; returns true when this failure bans the address.
    @discardableResult
    public func recordFailure(_ address: String, now: ContinuousClock.Instant = .now) -> Bool {
        records.withLock { records in
            var record = records[address] ?? Record()
            record.failures = record.failures.filter { now - $0 < policy.window } + [now]
            var banned = false
            if record.failures.count >= policy.maximumFailures, record.bannedUntil == nil {
                record.bannedUntil = now + policy.banDuration
                record.failures = []
                banned = true
            }
            records[address] = record
            if records.count > 100_000 { Self.prune(&records, now: now, window: policy.window) }
            return banned
        }
    }

    /// A success clears the address's failure count (not an active ban).
    public func recordSuccess(_ address: String) {
        records.withLock { records in
            if records[address]?.bannedUntil == nil { records[address] = nil }
        }
    }

    /// Bounds memory under a scan from many addresses: drops records with nothing recent.
    private static func prune(_ records: inout [String: Record], now: ContinuousClock.Instant, window: Duration) {
        records = records.filter { _, record in
            if let until = record.bannedUntil { return until > now }
            return record.failures.contains { now - $0 < window }
        }
    }
}
