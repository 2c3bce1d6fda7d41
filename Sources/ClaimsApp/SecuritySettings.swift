import Foundation

/// The `audit`, `keys` and `retention` sections of `gateway.yaml`.
public struct SecuritySettings: Sendable {
    /// `audit.enabled`: false only to measure what auditing costs (the benchmark); every
    /// deployment audits.
    public var auditEnabled = true
    /// `audit.checkpoint_every`: sign a checkpoint after this many records.
    public var checkpointEvery: Int64 = 1_000
    /// `audit.checkpoint_interval_seconds`: and at least this often while records are added.
    public var checkpointIntervalSeconds: Int64 = 300
    /// `audit.checkpoint_file`: append-only mirror of the checkpoints outside the database.
    public var checkpointFile: URL?
    /// `keys.audit_file`: encryption and MAC keys of the audit trail.
    public var auditKeyFile: URL
    /// `keys.phi_file`: keys sealing demographics and archived files (never the audit keys).
    public var phiKeyFile: URL
    /// `retention.max_age_days`: archives and PHI older than this are purged; nil keeps them.
    public var retentionDays: Int?
    /// `retention.interval_seconds`: how often the purge runs in `serve`.
    public var retentionIntervalSeconds: Int = 3_600

    public init(root: URL) {
        let keys = root.appendingPathComponent("var/keys", isDirectory: true)
        auditKeyFile = keys.appendingPathComponent("audit.keys")
        phiKeyFile = keys.appendingPathComponent("phi.keys")
        checkpointFile = root.appendingPathComponent("var/audit/checkpoints.jsonl")
    }
}
