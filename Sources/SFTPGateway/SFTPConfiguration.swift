import Foundation

/// What the SFTP server needs: where to listen, where the partners' folders are, its host key, and
/// its limits. Defaults suit development on one machine.
public struct SFTPConfiguration: Sendable {
    /// Listen address; `127.0.0.1` in development, `0.0.0.0` or `::` to face partners.
    public var address: String
    /// TCP port; 0 picks a free one (tests), the chosen port is logged.
    public var port: Int
    /// Host private key (OpenSSH format); an ed25519 key is generated there, mode 0600, if missing.
    public var hostKey: URL
    /// Parent of the partners' upload folders (`<inboxRoot>/<partner>/`).
    public var inboxRoot: URL
    /// Parent of the partners' acknowledgment folders (`<outboxRoot>/<partner>/`).
    public var outboxRoot: URL
    /// Connections served at once, all partners and unauthenticated peers together.
    public var maximumSessions: Int
    /// Authenticated sessions one partner may hold at once.
    public var maximumSessionsPerPartner: Int
    /// An authenticated session with no SFTP request for this long is closed.
    public var idleTimeout: Duration
    /// A connection that has not finished key exchange and authentication within this is closed, so
    /// an idle TCP peer does not hold a thread.
    public var loginTimeout: Duration
    /// Failed authentications per connection before it is dropped.
    public var maximumAuthenticationAttempts: Int
    public var banPolicy: BruteForceGuard.Policy
    /// Password authentication is offered only when enabled and only to accounts with a password.
    public var allowPasswords: Bool
    /// A hidden partial upload not written to for this long is deleted when the server starts; a
    /// partner may resume an interrupted upload until then.
    public var partialUploadMaximumAge: Duration

    public init(
        address: String = "127.0.0.1", port: Int = 2222, hostKey: URL, inboxRoot: URL, outboxRoot: URL,
        maximumSessions: Int = 64, maximumSessionsPerPartner: Int = 8, idleTimeout: Duration = .seconds(300),
        loginTimeout: Duration = .seconds(30), maximumAuthenticationAttempts: Int = 6,
        banPolicy: BruteForceGuard.Policy = .init(), allowPasswords: Bool = true,
        partialUploadMaximumAge: Duration = .seconds(48 * 3600)
    ) {
        self.address = address
        self.port = port
        self.hostKey = hostKey
        self.inboxRoot = inboxRoot
        self.outboxRoot = outboxRoot
        self.maximumSessions = maximumSessions
        self.maximumSessionsPerPartner = maximumSessionsPerPartner
        self.idleTimeout = idleTimeout
        self.loginTimeout = loginTimeout
        self.maximumAuthenticationAttempts = maximumAuthenticationAttempts
        self.banPolicy = banPolicy
        self.allowPasswords = allowPasswords
        self.partialUploadMaximumAge = partialUploadMaximumAge
    }
}
