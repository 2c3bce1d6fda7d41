import Logging

/// Security-relevant events of the SFTP endpoint, for the audit trail. No secrets: never a
/// password, never file content; key fingerprints and file names only.
public enum SFTPAuditEvent: Sendable, Equatable {
    case authenticated(user: String, address: String, method: String)
    case authenticationFailed(user: String, address: String, method: String)
    case addressBanned(address: String)
    case uploadAccepted(user: String, name: String, size: Int)
    case uploadRefused(user: String, name: String, size: Int, reason: String)
    case downloaded(user: String, name: String)
    case removed(user: String, name: String)
}

/// Where audit events go: `SFTPAuditAdapter` (ClaimsApp) seals them into the audit trail and
/// passes them on to `LoggingAuditSink` for the operator's log. Called on session threads: must
/// not block for long.
public protocol SFTPAuditSink: Sendable {
    func record(_ event: SFTPAuditEvent)
}

/// Writes each audit event as one log line with dotted metadata.
public struct LoggingAuditSink: SFTPAuditSink {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func record(_ event: SFTPAuditEvent) {
        switch event {
        case .authenticated(let user, let address, let method):
            logger.info("sftp login", metadata: ["partner.id": "\(user)", "net.peer": "\(address)", "auth.method": "\(method)"])
        case .authenticationFailed(let user, let address, let method):
            logger.warning(
                "sftp login failed", metadata: ["sftp.user": "\(user)", "net.peer": "\(address)", "auth.method": "\(method)"])
        case .addressBanned(let address):
            logger.warning("sftp address banned after repeated failures", metadata: ["net.peer": "\(address)"])
        case .uploadAccepted(let user, let name, let size):
            logger.info("sftp upload accepted", metadata: ["partner.id": "\(user)", "file.name": "\(name)", "file.size": "\(size)"])
        case .uploadRefused(let user, let name, let size, let reason):
            logger.warning(
                "sftp upload refused",
                metadata: ["partner.id": "\(user)", "file.name": "\(name)", "file.size": "\(size)", "error.reason": "\(reason)"])
        case .downloaded(let user, let name):
            logger.info("sftp download", metadata: ["partner.id": "\(user)", "file.name": "\(name)"])
        case .removed(let user, let name):
            logger.info("sftp remove", metadata: ["partner.id": "\(user)", "file.name": "\(name)"])
        }
    }
}
