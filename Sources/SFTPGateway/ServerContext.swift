import Logging

/// Everything a session thread shares with the rest of the server. All `Sendable`.
struct ServerContext: Sendable {
    let configuration: SFTPConfiguration
    let accounts: AccountDirectory
    let guardian: BruteForceGuard
    let registry: SessionRegistry
    let metrics: SFTPMetrics
    let audit: any SFTPAuditSink
    let inspector: any UploadInspector
    /// Descriptors of `inboxRoot` and `outboxRoot`, open for the server's lifetime.
    let inboxRoot: Int32
    let outboxRoot: Int32
    let logger: Logger
}
