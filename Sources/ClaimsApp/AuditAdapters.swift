import AuditLog
import ClaimsCore
import ClaimsStore
import SFTPGateway

/// The SFTP endpoint's audit events into the audit trail: who (partner, or the peer address for
/// failed logins), what, outcome in clear; file names, sizes and reasons sealed in the details.
/// Each event also goes on to `next` (the log line operators watch).
public struct SFTPAuditAdapter: SFTPAuditSink {
    let recorder: any AuditRecorder
    let next: any SFTPAuditSink

    public init(recorder: any AuditRecorder, next: any SFTPAuditSink) {
        self.recorder = recorder
        self.next = next
    }

    public func record(_ event: SFTPAuditEvent) {
        next.record(event)
        switch event {
        case .authenticated(let user, let address, let method):
            recorder.record(
                action: "sftp.login", actor: "partner:\(user)", object: "sftp:\(address)", outcome: .success,
                details: ["method": method], partner: user)
        case .authenticationFailed(let user, let address, let method):
            recorder.record(
                action: "sftp.login", actor: "peer:\(address)", object: "sftp:\(address)", outcome: .denied,
                details: ["user": user, "method": method])
        case .addressBanned(let address):
            recorder.record(action: "sftp.ban", actor: "system:sftp", object: "peer:\(address)", outcome: .success)
        case .uploadAccepted(let user, let name, let size):
            recorder.record(
                action: "sftp.upload", actor: "partner:\(user)", object: "inbox:\(user)", outcome: .success,
                details: ["name": name, "size": String(size)], partner: user)
        case .uploadRefused(let user, let name, let size, let reason):
            recorder.record(
                action: "sftp.upload", actor: "partner:\(user)", object: "inbox:\(user)", outcome: .denied,
                details: ["name": name, "size": String(size), "reason": reason], partner: user)
        case .downloaded(let user, let name):
            recorder.record(
                action: "ack.downloaded", actor: "partner:\(user)", object: "outbox:\(user)", outcome: .success,
                details: ["name": name], partner: user)
        case .removed(let user, let name):
            recorder.record(
                action: "sftp.remove", actor: "partner:\(user)", object: "outbox:\(user)", outcome: .success,
                details: ["name": name], partner: user)
        }
    }
}

/// Review decisions (ClaimsCore's `AuditHook`) into the audit trail, committed before the
/// decision is reported done.
public struct TrailAuditHook: AuditHook {
    let trail: AuditTrail

    public init(trail: AuditTrail) { self.trail = trail }

    public func record(_ event: ClaimsCore.AuditEvent) async throws {
        trail.record(
            action: event.action, actor: event.actor, object: event.subject, outcome: .success, details: event.details,
            partner: event.partner)
        try await trail.flush()
    }
}
