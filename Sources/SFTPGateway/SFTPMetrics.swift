import Synchronization

/// Counters the server keeps for the admin API to expose; cheap enough to bump on every request.
public final class SFTPMetrics: Sendable {
    /// A consistent-enough copy of the counters at one moment.
    public struct Counters: Sendable, Equatable {
        public var sessionsAccepted = 0
        public var sessionsActive = 0
        public var sessionsRefused = 0
        public var authenticationFailures = 0
        public var bans = 0
        public var bytesReceived = 0
        public var bytesSent = 0
        public var uploadsAccepted = 0
        public var uploadsRefused = 0
        public var downloads = 0
    }

    let sessionsAccepted = Atomic<Int>(0)
    let sessionsActive = Atomic<Int>(0)
    let sessionsRefused = Atomic<Int>(0)
    let authenticationFailures = Atomic<Int>(0)
    let bans = Atomic<Int>(0)
    let bytesReceived = Atomic<Int>(0)
    let bytesSent = Atomic<Int>(0)
    let uploadsAccepted = Atomic<Int>(0)
    let uploadsRefused = Atomic<Int>(0)
    let downloads = Atomic<Int>(0)

    public init() {}

    public var counters: Counters {
        Counters(
            sessionsAccepted: sessionsAccepted.load(ordering: .relaxed),
            sessionsActive: sessionsActive.load(ordering: .relaxed),
            sessionsRefused: sessionsRefused.load(ordering: .relaxed),
            authenticationFailures: authenticationFailures.load(ordering: .relaxed),
            bans: bans.load(ordering: .relaxed),
            bytesReceived: bytesReceived.load(ordering: .relaxed),
            bytesSent: bytesSent.load(ordering: .relaxed),
            uploadsAccepted: uploadsAccepted.load(ordering: .relaxed),
            uploadsRefused: uploadsRefused.load(ordering: .relaxed),
            downloads: downloads.load(ordering: .relaxed))
    }

    enum Counter {
        case sessionsAccepted, sessionsActive, sessionsRefused, authenticationFailures, bans
        case bytesReceived, bytesSent, uploadsAccepted, uploadsRefused, downloads
    }

    func add(_ counter: Counter, _ amount: Int = 1) {
        switch counter {
        case .sessionsAccepted: sessionsAccepted.wrappingAdd(amount, ordering: .relaxed)
        case .sessionsActive: sessionsActive.wrappingAdd(amount, ordering: .relaxed)
        case .sessionsRefused: sessionsRefused.wrappingAdd(amount, ordering: .relaxed)
        case .authenticationFailures: authenticationFailures.wrappingAdd(amount, ordering: .relaxed)
        case .bans: bans.wrappingAdd(amount, ordering: .relaxed)
        case .bytesReceived: bytesReceived.wrappingAdd(amount, ordering: .relaxed)
        case .bytesSent: bytesSent.wrappingAdd(amount, ordering: .relaxed)
        case .uploadsAccepted: uploadsAccepted.wrappingAdd(amount, ordering: .relaxed)
        case .uploadsRefused: uploadsRefused.wrappingAdd(amount, ordering: .relaxed)
        case .downloads: downloads.wrappingAdd(amount, ordering: .relaxed)
        }
    }
}
