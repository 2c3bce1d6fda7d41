import ClaimsCore
import Logging

/// The audit hook until the audit-trail module exists: one `notice` log line per event.
public struct LoggingAuditHook: AuditHook {
    let logger: Logger

    public init(logger: Logger) { self.logger = logger }

    public func record(_ event: AuditEvent) async throws {
        var metadata: Logger.Metadata = [
            "audit.action": "\(event.action)", "audit.actor": "\(event.actor)", "audit.subject": "\(event.subject)",
        ]
        if let partner = event.partner { metadata["partner.id"] = "\(partner)" }
        for (key, value) in event.details { metadata["audit.\(key)"] = "\(value)" }
        logger.notice("audit", metadata: metadata)
    }
}
