/// Where operations that must leave an audit trail report themselves (review decisions today).
///
/// A small seam on purpose: `TrailAuditHook` (ClaimsApp) seals these events into the encrypted,
/// hash-chained audit trail and returns once they are committed.
public protocol AuditHook: Sendable {
    func record(_ event: AuditEvent) async throws
}

/// One audited operation. Never holds PHI: claims are named by the gateway's claim id.
public struct AuditEvent: Sendable, Equatable {
    /// Dotted action name (`review.released`, `review.rejected`).
    public var action: String
    /// Who did it (the reviewer's name or the OS user).
    public var actor: String
    /// What it was done to (`CG12-3`).
    public var subject: String
    public var partner: String?
    /// Extra facts (score, threshold, reason), no PHI.
    public var details: [String: String]

    public init(action: String, actor: String, subject: String, partner: String? = nil, details: [String: String] = [:]) {
        self.action = action
        self.actor = actor
        self.subject = subject
        self.partner = partner
        self.details = details
    }
}
