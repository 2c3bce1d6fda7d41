import ClaimsPipeline
import Foundation
import X12Validation
import Yams

/// Reads `gateway.yaml` and `partners.yaml` and applies `CLAIMSGATE_*` overrides.
public enum ConfigurationLoader {
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(URL, String)
        case invalid(String)

        public var description: String {
            switch self {
            case .unreadable(let url, let reason): "cannot read configuration \(url.path): \(reason)"
            case .invalid(let reason): "invalid configuration: \(reason)"
            }
        }
    }

    /// Loads the configuration for data root `root`. `configFile` defaults to
    /// `root/Config/gateway.yaml`; a missing default file means built-in defaults.
    public static func load(
        root: URL, configFile: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> GatewayConfiguration {
        let gatewayFile = configFile ?? root.appendingPathComponent("Config/gateway.yaml")
        var configuration = GatewayConfiguration(root: root)
        var partnersFile = gatewayFile.deletingLastPathComponent().appendingPathComponent("partners.yaml")
        configuration.riskModelFile = gatewayFile.deletingLastPathComponent().appendingPathComponent("models/claim-risk.json")

        if configFile != nil || FileManager.default.fileExists(atPath: gatewayFile.path) {
            let file: GatewayFile = try decode(gatewayFile)
            configuration.sourceFile = gatewayFile
            apply(file, to: &configuration.security, root: root)
            if let identity = file.gateway {
                configuration.identity = .init(
                    qualifier: identity.interchange_qualifier ?? "ZZ", id: identity.interchange_id ?? "CLAIMSGATE",
                    name: identity.name ?? identity.interchange_id ?? "CLAIMSGATE")
            }
            if let url = file.database?.url, !url.isEmpty { configuration.databaseURL = url }
            if let size = file.database?.pool_size { configuration.databasePoolSize = max(1, size) }
            if let pattern = file.acknowledgments?.file_name { configuration.acknowledgmentFileName = pattern }
            if let suffixes = file.inbox?.ignored_suffixes { configuration.ignoredSuffixes = suffixes }
            if let model = file.risk?.model_file {
                configuration.riskModelFile = URL(fileURLWithPath: model, relativeTo: gatewayFile.deletingLastPathComponent())
            }
            if let partners = file.partners_file {
                partnersFile = URL(fileURLWithPath: partners, relativeTo: gatewayFile.deletingLastPathComponent())
            }
            if let sftp = file.sftp { configuration.sftp.apply(sftp, root: root) }
        }
        configuration.partnersFile = partnersFile.standardizedFileURL
        if FileManager.default.fileExists(atPath: partnersFile.path) {
            configuration.partners = try loadPartners(partnersFile)
        }
        configuration.partnersFile = partnersFile
        if let url = environment["CLAIMSGATE_DATABASE_URL"], !url.isEmpty { configuration.databaseURL = url }
        if let path = environment["CLAIMSGATE_AUDIT_KEY_FILE"], !path.isEmpty {
            configuration.security.auditKeyFile = URL(fileURLWithPath: path, relativeTo: root).absoluteURL
        }
        if let path = environment["CLAIMSGATE_PHI_KEY_FILE"], !path.isEmpty {
            configuration.security.phiKeyFile = URL(fileURLWithPath: path, relativeTo: root).absoluteURL
        }
        return configuration
    }

    /// Reads the partner list; used at start and on every reload.
    public static func loadPartners(_ url: URL) throws -> [PartnerConfiguration] {
        let file: PartnersFile = try decode(url)
        return try (file.partners ?? []).map { entry in
            var partner = PartnerConfiguration(
                id: entry.id, name: entry.name,
                senderIDs: (entry.sender_ids ?? []).map { .init(qualifier: $0.qualifier, id: $0.id) },
                positive999: entry.acknowledgments?.positive_999 ?? false,
                validation: ValidationProfile(
                    policy: entry.acknowledgments?.policy ?? .claimLevel,
                    severityOverrides: entry.edits?.severity ?? [:], disabledEdits: Set(entry.edits?.disabled ?? []),
                    rules: try entry.rules?.partnerRules(of: entry.id) ?? PartnerRules()),
                maxFileSize: entry.max_file_size ?? 1 << 30, authorizedKeys: entry.authorized_keys ?? [],
                passwordHash: entry.password_hash)
            partner.risk = RiskPolicy(
                threshold: entry.risk_threshold ?? RiskPolicy.defaultThreshold, reviewMode: entry.review_mode ?? .pend)
            if let grouping = entry.acknowledgments?.claim_acknowledgments { partner.claimAcknowledgmentGrouping = grouping }
            return partner
        }
    }

    /// Paths in these sections are relative to the data root.
    static func apply(_ file: GatewayFile, to security: inout SecuritySettings, root: URL) {
        func path(_ text: String) -> URL { URL(fileURLWithPath: text, relativeTo: root).absoluteURL }
        if let audit = file.audit {
            if let enabled = audit.enabled { security.auditEnabled = enabled }
            if let every = audit.checkpoint_every { security.checkpointEvery = max(1, every) }
            if let seconds = audit.checkpoint_interval_seconds { security.checkpointIntervalSeconds = max(1, seconds) }
            if let mirror = audit.checkpoint_file { security.checkpointFile = mirror.isEmpty ? nil : path(mirror) }
        }
        if let keys = file.keys {
            if let audit = keys.audit_file { security.auditKeyFile = path(audit) }
            if let phi = keys.phi_file { security.phiKeyFile = path(phi) }
        }
        if let retention = file.retention {
            if let days = retention.max_age_days { security.retentionDays = days > 0 ? days : nil }
            if let seconds = retention.interval_seconds { security.retentionIntervalSeconds = max(1, seconds) }
        }
    }

    static func decode<T: Decodable>(_ url: URL) throws -> T {
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            return try YAMLDecoder().decode(T.self, from: text)
        } catch {
            throw Failure.unreadable(url, String(describing: error))
        }
    }
}

// MARK: File shapes (snake_case keys as operators write them)

struct GatewayFile: Decodable {
    struct Gateway: Decodable {
        var name: String?
        var interchange_qualifier: String?
        var interchange_id: String?
    }
    struct Database: Decodable {
        var url: String?
        var pool_size: Int?
    }
    struct Acknowledgments: Decodable {
        var file_name: String?
    }
    struct Inbox: Decodable {
        var ignored_suffixes: [String]?
    }
    struct Audit: Decodable {
        var enabled: Bool?
        var checkpoint_every: Int64?
        var checkpoint_interval_seconds: Int64?
        var checkpoint_file: String?
    }
    struct Keys: Decodable {
        var audit_file: String?
        var phi_file: String?
    }
    struct Retention: Decodable {
        var max_age_days: Int?
        var interval_seconds: Int?
    }
    var gateway: Gateway?
    var database: Database?
    var audit: Audit?
    var keys: Keys?
    var retention: Retention?
    var acknowledgments: Acknowledgments?
    var inbox: Inbox?
    struct Risk: Decodable {
        var model_file: String?
    }
    var risk: Risk?
    var partners_file: String?
    var sftp: SFTPFile?
}

struct SFTPFile: Decodable {
    struct Ban: Decodable {
        var max_failures: Int?
        var window_seconds: Int?
        var ban_seconds: Int?
    }
    var enabled: Bool?
    var address: String?
    var port: Int?
    var host_key: String?
    var max_sessions: Int?
    var max_sessions_per_partner: Int?
    var idle_timeout_seconds: Int?
    var login_timeout_seconds: Int?
    var max_auth_attempts: Int?
    var allow_passwords: Bool?
    var partial_upload_max_age_seconds: Int?
    var ban: Ban?
}

struct PartnersFile: Decodable {
    struct Partner: Decodable {
        struct Sender: Decodable {
            var qualifier: String
            var id: String
        }
        struct Acknowledgments: Decodable {
            var positive_999: Bool?
            var policy: RejectionPolicy?
            var claim_acknowledgments: ClaimAcknowledgmentGrouping?
        }
        var id: String
        var name: String?
        var sender_ids: [Sender]?
        var acknowledgments: Acknowledgments?
        var max_file_size: Int?
        var risk_threshold: Double?
        var review_mode: RiskPolicy.ReviewMode?
        var authorized_keys: [String]?
        var password_hash: String?
        /// SNIP 7 requirements (see `PartnerRulesSection`).
        var rules: PartnerRulesSection?
        /// Per-edit severity (`reject` / `warning`) and edits switched off, by edit id.
        var edits: EditSettings?
    }
    var partners: [Partner]?
}
