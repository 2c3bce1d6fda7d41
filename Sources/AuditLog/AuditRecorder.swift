/// Where any module sends audit events: the SFTP server (logins, uploads, bans), the pipeline
/// (files, acknowledgments, quarantines), review decisions, operator commands.
///
/// `record` must not block or throw: implementations queue the event and write it in batches
/// (`AuditTrail` in ClaimsStore seals and chains it in PostgreSQL). Adapting another module's
/// sink protocol is one line per method:
///
/// ```swift
/// struct SFTPAuditAdapter: SFTPAuditSink {
///     let recorder: any AuditRecorder
///     func loginFailed(user: String, address: String) {
///         recorder.record(action: "sftp.login", actor: "partner:\(user)", object: "sftp:\(address)",
///                         outcome: .denied, details: ["address": address])
///     }
/// }
/// ```
public protocol AuditRecorder: Sendable {
    /// Queues `event`; it is sealed, chained and written shortly after.
    func record(_ event: AuditEvent)
}

extension AuditRecorder {
    /// Queues an event stamped with the current time. Clear fields must not hold PHI; put
    /// anything sensitive in `details` (encrypted).
    public func record(
        action: String, actor: String, object: String, outcome: AuditOutcome, details: [String: String] = [:],
        partner: String? = nil
    ) {
        record(AuditEvent(actor: actor, action: action, object: object, outcome: outcome, partner: partner, details: details))
    }
}

/// The recorder when auditing is switched off (`audit.enabled: false`, used by the benchmark that
/// measures what auditing costs): drops every event.
public struct DisabledAuditRecorder: AuditRecorder {
    public init() {}
    public func record(_ event: AuditEvent) {}
}
