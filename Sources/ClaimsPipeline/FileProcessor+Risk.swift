import ClaimsStore
import Logging

extension FileProcessor {
    /// Scores the file's claims (when a model is loaded), stores them with their states — held
    /// claims as `review` — and their risk rows, and counts their outcomes into the history.
    /// Safe to repeat: every write replaces the file's rows, and the history counts a file once.
    func storeScoredClaims(
        _ assessment: FileAssessment, fileID: Int64, partner: PartnerConfiguration, clock: inout StageClock, logger: Logger
    ) async throws {
        var scored: [RiskStage.Scored]?
        if let risk {
            scored = try await risk.score(assessment.scoringInputs, fileID: fileID, policy: partner.risk, database: database)
        }
        clock.lap("score")
        // Rows point into the assessment's claims instead of copying them.
        var rows: [ClaimRow] = []
        rows.reserveCapacity(assessment.storedClaimCount)
        assessment.forEachClaim { set, index, slot in
            let score = scored?[rows.count]
            let state: ClaimState =
                set.verdict.rejectedClaims.contains(index) ? .rejected : score?.held == true ? .review : .accepted
            rows.append(ClaimRow(slot, state: state, riskScore: score?.assessment.score))
        }
        try await ClaimRepository(database: database, phi: phi).storeClaims(fileID: fileID, rows)
        clock.lap("store")
        guard let risk, let scored else { return }
        let repository = RiskRepository(database: database)
        try await repository.store(fileID: fileID, risk.records(scored, policy: partner.risk))
        try await repository.recordOutcomes(
            fileID: fileID,
            rows.map {
                OutcomeEvent(
                    provider: $0.claim.billingProvider.npi ?? "", payer: $0.claim.payer.identifier,
                    rejected: $0.state == .rejected)
            })
        clock.lap("store-risk")
        logger.info(
            "claims scored",
            metadata: [
                "risk.model": "\(risk.scorer.model.version)", "risk.threshold": "\(partner.risk.threshold)",
                "risk.held": "\(rows.count(where: { $0.state == .review }))",
            ])
    }
}
