import Foundation
import ClaimsPipeline

/// Everything `serve` needs to know, composed from `Config/gateway.yaml`, `Config/partners.yaml`,
/// `CLAIMSGATE_*` environment variables and flags (flags win, then environment, then files, then
/// these defaults).
public struct GatewayConfiguration: Sendable {
    /// The data root: `inbox/`, `var/` and (by default) `Config/` live under it.
    public var root: URL
    /// How the gateway names itself in the envelopes of its acknowledgments (ISA07/ISA08).
    public var identity: GatewayIdentity
    /// PostgreSQL server URL; nil runs the embedded cluster under `var/pg/`.
    public var databaseURL: String?
    public var databasePoolSize: Int
    /// File-name pattern for acknowledgments: `{timestamp}`, `{name}` (inbound file), `{kind}`.
    public var acknowledgmentFileName: String
    /// Inbox names that are uploads in progress, never taken.
    public var ignoredSuffixes: [String]
    public var partners: [PartnerConfiguration]
    /// Audit trail, key files and retention.
    public var security: SecuritySettings
    /// The gateway file the configuration was read from, if any (audited at start).
    public var sourceFile: URL?
    /// The partner list's file, re-read when it changes or on SIGHUP; nil when there is none.
    public var partnersFile: URL?
    /// The claim-risk model (`risk.model_file`, default `Config/models/claim-risk.json`); when the
    /// file is missing, claims are not scored and none are held for review.
    public var riskModelFile: URL?
    public var sftp: SFTPSettings

    public init(
        root: URL, identity: GatewayIdentity = GatewayIdentity(), databaseURL: String? = nil, databasePoolSize: Int = 4,
        acknowledgmentFileName: String = "{timestamp}_{name}_{kind}.x12",
        ignoredSuffixes: [String] = [".part", ".tmp", ".filepart"], partners: [PartnerConfiguration] = []
    ) {
        self.root = root
        self.identity = identity
        self.databaseURL = databaseURL
        self.databasePoolSize = databasePoolSize
        self.acknowledgmentFileName = acknowledgmentFileName
        self.ignoredSuffixes = ignoredSuffixes
        self.partners = partners
        security = SecuritySettings(root: root)
        sftp = SFTPSettings(root: root)
    }

    public var inboxDirectory: URL { root.appendingPathComponent("inbox", isDirectory: true) }
    public var varDirectory: URL { root.appendingPathComponent("var", isDirectory: true) }
    public var outboxDirectory: URL { varDirectory.appendingPathComponent("outbox", isDirectory: true) }
    public var processingDirectory: URL { varDirectory.appendingPathComponent("processing", isDirectory: true) }
    public var archiveDirectory: URL { varDirectory.appendingPathComponent("archive", isDirectory: true) }
    public var quarantineDirectory: URL { varDirectory.appendingPathComponent("quarantine", isDirectory: true) }
    public var keysDirectory: URL { varDirectory.appendingPathComponent("keys", isDirectory: true) }
    public var embeddedDatabaseDirectory: URL { varDirectory.appendingPathComponent("pg", isDirectory: true) }

    public func partner(_ id: String) -> PartnerConfiguration? { partners.first { $0.id == id } }

    /// Creates `var/` with its final mode before any service starts: services starting together each
    /// create their own folder under it, and one creating `var/` itself would give it that folder's
    /// mode. Run as root with the embedded cluster, it is 0711: the cluster's unprivileged user must
    /// pass through it (search only, no listing) to `var/pg/`, which it owns with mode 0700.
    public func prepareVarDirectory() throws {
        try DurableFile.createDirectory(varDirectory)
        guard geteuid() == 0, databaseURL == nil else { return }
        try FileManager.default.setAttributes([.posixPermissions: 0o711], ofItemAtPath: varDirectory.path)
    }
}

