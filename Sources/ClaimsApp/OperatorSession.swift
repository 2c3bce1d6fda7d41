import AuditLog
import ClaimsPipeline
import ClaimsCrypto
import ClaimsStore
import Foundation
import Logging

/// What an operator command (`audit`, `keys`, `archive`, `review`) works with: the configuration,
/// the database `serve` uses (`GatewayDatabase`: the configured URL, or the embedded cluster under
/// the data root, started for the command when it is not running), the key rings
/// checked against the database, and an audit trail in which the command records itself.
public struct OperatorSession: Sendable {
    public let configuration: GatewayConfiguration
    public let database: Database
    public let keys: GatewayKeys
    /// Records the operator's own actions; flushed before anything sensitive is shown.
    public let trail: AuditTrail
    /// `operator:<login name>`.
    public let actor: String

    /// Opens a session on `root` (configuration `configFile`), runs `body`, then closes the audit
    /// trail (final checkpoint) and the database.
    public static func with<T: Sendable>(
        root: URL, configFile: URL?, logger: Logger, _ body: (OperatorSession) async throws -> T
    ) async throws -> T {
        // Operator commands read files too (a review decision judges its archived file).
        HeapTuning.apply()
        let configuration = try ConfigurationLoader.load(root: root, configFile: configFile)
        return try await GatewayDatabase.with(configuration, logger: logger) { database in
            let keys = try GatewayKeys.load(configuration.security, create: false)
            try await keys.register(in: database, configuration.security)
            let trail = Gateway.auditTrail(configuration, keys, database.configuration.url, logger)
            let session = OperatorSession(
                configuration: configuration, database: database, keys: keys, trail: trail, actor: "operator:\(loginName)")
            let result: T
            do {
                result = try await body(session)
            } catch {
                try? await trail.close()
                throw error
            }
            try await trail.close()
            return result
        }
    }

    /// Records `event` and waits until it is committed: what an operator reads is on record
    /// before it is shown, or not shown at all.
    public func recordAndFlush(action: String, object: String, partner: String? = nil, details: [String: String]) async throws {
        trail.record(action: action, actor: actor, object: object, outcome: .success, details: details, partner: partner)
        try await trail.flush()
    }

    static var loginName: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid\(geteuid())"
    }
}
