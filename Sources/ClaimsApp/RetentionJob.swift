import AuditLog
import ClaimsCrypto
import ClaimsStore
import Foundation
import Logging

/// Purges what the gateway may no longer keep: for finished files older than
/// `retention.max_age_days`, the sealed archive (or quarantine) copy and the claims'
/// demographics. Claim rows without PHI, file rows and the audit trail stay. Each run that
/// purges something is audited with the file ids.
public struct RetentionJob: Sendable {
    public let maxAgeDays: Int
    let database: Database
    let phi: KeyRing
    let audit: any AuditRecorder
    let logger: Logger

    public init(maxAgeDays: Int, database: Database, phi: KeyRing, audit: any AuditRecorder, logger: Logger) {
        self.maxAgeDays = maxAgeDays
        self.database = database
        self.phi = phi
        self.audit = audit
        self.logger = logger
    }

    /// Runs the purge now and then every `interval` until the task is cancelled.
    public func run(every interval: Duration) async {
        while !Task.isCancelled {
            do {
                try await runOnce()
            } catch {
                logger.error("retention purge failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// One purge over files received before now minus `maxAgeDays`. Returns the purged file ids.
    @discardableResult
    public func runOnce(now: Date = Date()) async throws -> [Int64] {
        let cutoff = now.addingTimeInterval(-Double(maxAgeDays) * 86_400)
        let files = FileRepository(database: database)
        let claims = ClaimRepository(database: database, phi: phi)
        var purged: [Int64] = []
        var erasedClaims = 0
        for record in try await files.purgeCandidates(receivedBefore: cutoff) {
            if let path = record.storedPath {
                for target in [path, path + ".error.json"] where FileManager.default.fileExists(atPath: target) {
                    try FileManager.default.removeItem(atPath: target)
                }
            }
            erasedClaims += try await claims.erasePHI(fileID: record.id)
            purged.append(record.id)
        }
        guard !purged.isEmpty else { return [] }
        audit.record(
            action: "retention.purged", actor: "system:retention", object: "files", outcome: .success,
            details: [
                "files": purged.map(String.init).joined(separator: ","), "claims": String(erasedClaims),
                "max_age_days": String(maxAgeDays),
            ])
        logger.info("retention purge", metadata: ["files": "\(purged.count)", "claims": "\(erasedClaims)"])
        return purged
    }
}
