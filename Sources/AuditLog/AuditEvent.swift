import Foundation

/// One thing that happened, before it is sealed into the chain.
///
/// `actor`, `action`, `object`, `outcome` and `partner` are stored in clear so operators can
/// filter on them: they must never hold PHI. Anything sensitive (file names, reasons, counts,
/// control numbers) goes in `details`, which is encrypted.
public struct AuditEvent: Sendable, Equatable {
    /// Microseconds since 1970-01-01 UTC, taken when the event is recorded (not when written).
    public var timeMicros: Int64
    /// Who: `partner:<id>`, `operator:<user>`, `system:gateway`.
    public var actor: String
    /// What, dotted: `file.received`, `ack.written`, `audit.show`, `keys.rotated`.
    public var action: String
    /// On what: `file:<id>`, `key:audit:2`, `config:gateway.yaml`.
    public var object: String
    public var outcome: AuditOutcome
    /// The trading partner concerned, for `audit show --partner`.
    public var partner: String?
    public var details: [String: String]

    public init(
        timeMicros: Int64 = AuditEvent.now(), actor: String, action: String, object: String, outcome: AuditOutcome,
        partner: String? = nil, details: [String: String] = [:]
    ) {
        self.timeMicros = timeMicros
        self.actor = actor
        self.action = action
        self.object = object
        self.outcome = outcome
        self.partner = partner
        self.details = details
    }

    /// The current time in microseconds since the epoch.
    public static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()) }
}
