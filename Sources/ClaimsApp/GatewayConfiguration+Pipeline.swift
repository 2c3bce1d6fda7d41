import AuditLog
import ClaimsCrypto
import ClaimsPipeline
import ClaimsStore
import Foundation
import Logging

extension GatewayConfiguration {
    /// The scoring stage from `riskModelFile`; nil (claims stored unscored) when the file is
    /// absent. A file that exists but does not load is an error: better not to start than to
    /// silently stop holding risky claims.
    public func riskStage(logger: Logger) throws -> RiskStage? {
        guard let url = riskModelFile, FileManager.default.fileExists(atPath: url.path) else {
            logger.warning("no risk model file: claims are not scored", metadata: ["risk.model_file": "\(riskModelFile?.path ?? "-")"])
            return nil
        }
        let stage = try RiskStage(modelFile: url)
        logger.info(
            "risk model loaded",
            metadata: ["risk.model_file": "\(url.path)", "risk.model_version": "\(stage.scorer.model.version)"])
        return stage
    }

    /// The file processor `serve` runs and the review commands answer decisions with.
    public func fileProcessor(
        database: Database, phi: KeyRing, audit: any AuditRecorder, logger: Logger
    ) throws -> FileProcessor {
        FileProcessor(
            identity: identity,
            directories: PipelineDirectories(
                processing: processingDirectory, archive: archiveDirectory, quarantine: quarantineDirectory,
                outbox: outboxDirectory),
            acknowledgmentFileName: acknowledgmentFileName, risk: try riskStage(logger: logger), database: database,
            phi: phi, audit: audit, logger: logger)
    }
}
