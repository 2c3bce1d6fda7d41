import Foundation
import SFTPGateway

/// The `sftp:` section of `gateway.yaml`; the SFTP server's configuration is composed from it and
/// the data root's folders.
public struct SFTPSettings: Sendable {
    /// Off: `serve` only watches the inbox.
    public var enabled = true
    public var address = "127.0.0.1"
    public var port = 2222
    /// Relative paths are under the data root. Default `var/keys/sftp_host_ed25519_key`.
    public var hostKey: URL
    public var maximumSessions = 64
    public var maximumSessionsPerPartner = 8
    public var idleTimeout: Duration = .seconds(300)
    public var loginTimeout: Duration = .seconds(30)
    public var maximumAuthenticationAttempts = 6
    public var allowPasswords = true
    public var partialUploadMaximumAge: Duration = .seconds(48 * 3600)
    public var banPolicy = BruteForceGuard.Policy()

    public init(root: URL) {
        hostKey = root.appendingPathComponent("var/keys/sftp_host_ed25519_key")
    }

    mutating func apply(_ file: SFTPFile, root: URL) {
        if let value = file.enabled { enabled = value }
        if let value = file.address { address = value }
        if let value = file.port { port = value }
        if let value = file.host_key { hostKey = URL(fileURLWithPath: value, relativeTo: root).standardizedFileURL }
        if let value = file.max_sessions { maximumSessions = max(1, value) }
        if let value = file.max_sessions_per_partner { maximumSessionsPerPartner = max(1, value) }
        if let value = file.idle_timeout_seconds { idleTimeout = .seconds(max(1, value)) }
        if let value = file.login_timeout_seconds { loginTimeout = .seconds(max(1, value)) }
        if let value = file.max_auth_attempts { maximumAuthenticationAttempts = max(1, value) }
        if let value = file.allow_passwords { allowPasswords = value }
        if let value = file.partial_upload_max_age_seconds { partialUploadMaximumAge = .seconds(max(60, value)) }
        if let ban = file.ban {
            if let value = ban.max_failures { banPolicy.maximumFailures = max(1, value) }
            if let value = ban.window_seconds { banPolicy.window = .seconds(max(1, value)) }
            if let value = ban.ban_seconds { banPolicy.banDuration = .seconds(max(1, value)) }
        }
    }

    /// The server configuration for a gateway with these folders.
    func serverConfiguration(_ gateway: GatewayConfiguration) -> SFTPConfiguration {
        SFTPConfiguration(
            address: address, port: port, hostKey: hostKey, inboxRoot: gateway.inboxDirectory,
            outboxRoot: gateway.outboxDirectory, maximumSessions: maximumSessions,
            maximumSessionsPerPartner: maximumSessionsPerPartner, idleTimeout: idleTimeout, loginTimeout: loginTimeout,
            maximumAuthenticationAttempts: maximumAuthenticationAttempts, banPolicy: banPolicy,
            allowPasswords: allowPasswords, partialUploadMaximumAge: partialUploadMaximumAge)
    }
}
