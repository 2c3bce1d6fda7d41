import Foundation
import X12Validation

/// Everything `serve` needs to know, composed from `Config/gateway.yaml`, `Config/partners.yaml`,
/// `CLAIMSGATE_*` environment variables and flags (flags win, then environment, then files, then
/// these defaults).
public struct GatewayConfiguration: Sendable {
    /// The data root: `inbox/`, `var/` and (by default) `Config/` live under it.
    public var root: URL
    /// How the gateway names itself in the envelopes of its acknowledgments (ISA07/ISA08).
    public var identity: Identity
    /// PostgreSQL server URL; nil runs the embedded cluster under `var/pg/`.
    public var databaseURL: String?
    public var databasePoolSize: Int
    /// File-name pattern for acknowledgments: `{timestamp}`, `{name}` (inbound file), `{kind}`.
    public var acknowledgmentFileName: String
    /// Inbox names that are uploads in progress, never taken.
    public var ignoredSuffixes: [String]
    public var partners: [PartnerConfiguration]

    public struct Identity: Sendable, Equatable {
        public var qualifier: String
        public var id: String
        public var name: String

        public init(qualifier: String = "ZZ", id: String = "CLAIMSGATE", name: String = "CLAIMSGATE") {
            self.qualifier = qualifier
            self.id = id
            self.name = name
        }
    }

    public init(
        root: URL, identity: Identity = Identity(), databaseURL: String? = nil, databasePoolSize: Int = 4,
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
    }

    public var inboxDirectory: URL { root.appendingPathComponent("inbox", isDirectory: true) }
    public var varDirectory: URL { root.appendingPathComponent("var", isDirectory: true) }
    public var outboxDirectory: URL { varDirectory.appendingPathComponent("outbox", isDirectory: true) }
    public var processingDirectory: URL { varDirectory.appendingPathComponent("processing", isDirectory: true) }
    public var archiveDirectory: URL { varDirectory.appendingPathComponent("archive", isDirectory: true) }
    public var quarantineDirectory: URL { varDirectory.appendingPathComponent("quarantine", isDirectory: true) }
    public var embeddedDatabaseDirectory: URL { varDirectory.appendingPathComponent("pg", isDirectory: true) }

    public func partner(_ id: String) -> PartnerConfiguration? { partners.first { $0.id == id } }
}

/// One trading partner: who it may claim to be in an ISA, and how it wants its acknowledgments.
public struct PartnerConfiguration: Sendable, Equatable {
    public struct SenderID: Sendable, Hashable, Codable {
        public var qualifier: String
        public var id: String

        public init(qualifier: String, id: String) {
            self.qualifier = qualifier
            self.id = id
        }
    }

    public var id: String
    public var name: String
    /// ISA05/ISA06 pairs this partner may send under; an interchange with any other is rejected (TA1 006).
    public var senderIDs: [SenderID]
    /// Send a 999 even when every transaction set was accepted.
    public var positive999: Bool
    public var rejectionPolicy: RejectionPolicy
    /// Largest file accepted, in bytes.
    public var maxFileSize: Int

    public init(
        id: String, name: String? = nil, senderIDs: [SenderID], positive999: Bool = false,
        rejectionPolicy: RejectionPolicy = .claimLevel, maxFileSize: Int = 1 << 30
    ) {
        self.id = id
        self.name = name ?? id
        self.senderIDs = senderIDs
        self.positive999 = positive999
        self.rejectionPolicy = rejectionPolicy
        self.maxFileSize = maxFileSize
    }

    /// Whether the ISA sender (qualifier and trimmed id) is one of this partner's.
    public func owns(qualifier: String, id: String) -> Bool {
        senderIDs.contains { $0.qualifier == qualifier && $0.id == id }
    }
}
