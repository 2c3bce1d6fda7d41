import ClaimsCore
import ClaimsRisk
import ClaimsStore
import Foundation

/// The scoring stage: every stored claim gets a probability of denial and its top factors;
/// validated claims above the partner's threshold are held for review.
///
/// History (provider and payer outcome counts, fingerprints of earlier claims) is read from
/// PostgreSQL a window of claims at a time (`lookUp`), ahead of scoring, which is pure.
public struct RiskStage: Sendable {
    public let scorer: RiskScorer

    public init(scorer: RiskScorer) { self.scorer = scorer }

    public init(modelFile: URL) throws { try self.init(scorer: RiskScorer(model: RiskModel(contentsOf: modelFile))) }

    /// One claim's outcome of the stage.
    public struct Scored: Sendable {
        public var assessment: RiskAssessment
        public var fingerprint: ClaimFingerprint
        /// Whether the claim goes to review (validated and above the threshold).
        public var held: Bool
    }

    /// Scores a file's claims in order against the stored history; fingerprints seen earlier in the
    /// file count as duplicates too.
    public func score(
        _ inputs: [ScoringInput], history: (providers: [String: OutcomeCounts], payers: [String: OutcomeCounts]),
        known: [ClaimFingerprint], policy: RiskPolicy
    ) -> [Scored] {
        var duplicates = DuplicateIndex(known: known)
        return score(
            inputs, fingerprints: inputs.map { ClaimFingerprint($0.claim) }, history: history, duplicates: &duplicates,
            policy: policy)
    }

    /// `score` of the next claims of a file, `duplicates` holding the fingerprints of every claim
    /// before them (and of earlier files).
    func score(
        _ inputs: [ScoringInput], fingerprints: [ClaimFingerprint],
        history: (providers: [String: OutcomeCounts], payers: [String: OutcomeCounts]), duplicates: inout DuplicateIndex,
        policy: RiskPolicy
    ) -> [Scored] {
        zip(inputs, fingerprints).map { input, fingerprint in
            let claim = input.claim
            let provider = history.providers[claim.billingProvider.npi ?? ""] ?? OutcomeCounts()
            let payer = history.payers[claim.payer.identifier] ?? OutcomeCounts()
            let context = ClaimHistory(
                providerClaims: provider.claims, providerRejections: provider.rejections, payerClaims: payer.claims,
                payerRejections: payer.rejections, validationWarnings: input.validationWarnings,
                duplicate: duplicates.check(fingerprint))
            let assessment = scorer.score(claim, submittedOn: input.submittedOn, history: context)
            return Scored(
                assessment: assessment, fingerprint: fingerprint, held: input.accepted && policy.holds(score: assessment.score))
        }
    }

    /// What scoring a window of claims needs from PostgreSQL, read ahead while the window before
    /// it is stored: the claims' inputs and fingerprints, their providers' and payers' history,
    /// and the fingerprints other files already hold.
    public struct Lookup: Sendable {
        public var inputs: [ScoringInput]
        var fingerprints: [ClaimFingerprint]
        var history: (providers: [String: OutcomeCounts], payers: [String: OutcomeCounts])
        var known: [(exact: Int64, near: Int64)]
    }

    /// Reads what scoring `inputs`, the next claims of file `fileID`, needs (none of it from that
    /// file, so it may run before the claims ahead of them are stored).
    public func lookUp(_ inputs: [ScoringInput], fileID: Int64, database: Database) async throws -> Lookup {
        let repository = RiskRepository(database: database)
        let history = try await repository.history(
            providers: Set(inputs.map { $0.claim.billingProvider.npi ?? "" }),
            payers: Set(inputs.map(\.claim.payer.identifier)))
        let fingerprints = inputs.map { ClaimFingerprint($0.claim) }
        let known = try await repository.knownFingerprints(near: fingerprints.map(\.near), excludingFile: fileID)
        return Lookup(inputs: inputs, fingerprints: fingerprints, history: history, known: known)
    }

    /// Scores the claims of `lookup`, `duplicates` holding the fingerprints of the file's claims
    /// before them.
    public func score(_ lookup: Lookup, policy: RiskPolicy, duplicates: inout DuplicateIndex) -> [Scored] {
        for fingerprint in lookup.known { duplicates.insert(ClaimFingerprint(exact: fingerprint.exact, near: fingerprint.near)) }
        return score(
            lookup.inputs, fingerprints: lookup.fingerprints, history: lookup.history, duplicates: &duplicates,
            policy: policy)
    }

    /// The `claim_risk` rows of scored claims, the first being the file's claim `firstIndex`.
    public func records(_ scored: [Scored], policy: RiskPolicy, firstIndex: Int = 0) -> [ClaimRiskRecord] {
        scored.enumerated().map { index, item in
            ClaimRiskRecord(
                claimIndex: firstIndex + index, score: item.assessment.score, threshold: policy.threshold,
                modelVersion: scorer.model.version, features: item.assessment.features,
                topFactorsJSON: "[" + item.assessment.topFactors.map(\.json).joined(separator: ",") + "]",
                fingerprint: item.fingerprint.exact, nearFingerprint: item.fingerprint.near)
        }
    }
}
