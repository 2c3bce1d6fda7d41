import ClaimsCore
import ClaimsRisk
import ClaimsStore
import Foundation

/// The scoring stage: every stored claim gets a probability of denial and its top factors;
/// validated claims above the partner's threshold are held for review.
///
/// History (provider and payer outcome counts, fingerprints of earlier claims) is read from
/// PostgreSQL a window of claims at a time, and the window scored, ahead of its turn
/// (`scoreAhead`); its turn only matches it against the window before it (`settle`), which may
/// not have been stored when it was scored.
public struct RiskStage: Sendable {
    public let scorer: RiskScorer

    public init(scorer: RiskScorer) { self.scorer = scorer }

    public init(modelFile: URL) throws { try self.init(scorer: RiskScorer(model: RiskModel(contentsOf: modelFile))) }

    /// Outcome counts of the claims' billing providers and payers in earlier files.
    public typealias History = (providers: [String: OutcomeCounts], payers: [String: OutcomeCounts])

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
        _ inputs: [ScoringInput], history: History, known: [ClaimFingerprint], policy: RiskPolicy
    ) -> [Scored] {
        var duplicates = DuplicateIndex(known: known)
        return inputs.map { input in
            let fingerprint = ClaimFingerprint(input.claim)
            return score(input, fingerprint, duplicate: duplicates.check(fingerprint), history: history, policy: policy)
        }
    }

    /// One claim, `duplicate` being how it matched the claims before it.
    func score(
        _ input: ScoringInput, _ fingerprint: ClaimFingerprint, duplicate: DuplicateMatch, history: History,
        policy: RiskPolicy
    ) -> Scored {
        let claim = input.claim
        let provider = history.providers[claim.billingProvider.npi ?? ""] ?? OutcomeCounts()
        let payer = history.payers[claim.payer.identifier] ?? OutcomeCounts()
        let context = ClaimHistory(
            providerClaims: provider.claims, providerRejections: provider.rejections, payerClaims: payer.claims,
            payerRejections: payer.rejections, validationWarnings: input.validationWarnings, duplicate: duplicate)
        let assessment = scorer.score(claim, submittedOn: input.submittedOn, history: context)
        return Scored(
            assessment: assessment, fingerprint: fingerprint, held: input.accepted && policy.holds(score: assessment.score))
    }

    /// A window of a file's claims scored ahead of its turn, while the window before it is stored:
    /// against the history, the stored claims' fingerprints (other files', and this file's windows
    /// before the one being stored) and its own earlier claims, not yet against the window being
    /// stored (`settle`).
    public struct ScoredAhead: Sendable {
        var inputs: [ScoringInput]
        var history: History
        var scored: [Scored]
        /// The duplicate match each claim was scored with.
        var matches: [DuplicateMatch]
    }

    /// Reads what scoring `inputs`, a file's next claims, needs and scores them: it may run while
    /// the window before them is stored, its claims being matched in turn (`settle`).
    public func scoreAhead(_ inputs: [ScoringInput], policy: RiskPolicy, database: Database) async throws
        -> ScoredAhead
    {
        let repository = RiskRepository(database: database)
        let history = try await repository.history(
            providers: Set(inputs.map { $0.claim.billingProvider.npi ?? "" }),
            payers: Set(inputs.map(\.claim.payer.identifier)))
        let fingerprints = inputs.map { ClaimFingerprint($0.claim) }
        let known = try await repository.knownFingerprints(near: fingerprints.map(\.near))
        return try await Blocking.run {
            var duplicates = DuplicateIndex(known: known.map { ClaimFingerprint(exact: $0.exact, near: $0.near) })
            let matches = fingerprints.map { duplicates.check($0) }
            let scored = zip(inputs, zip(fingerprints, matches)).map { input, pair in
                score(input, pair.0, duplicate: pair.1, history: history, policy: policy)
            }
            return ScoredAhead(inputs: inputs, history: history, scored: scored, matches: matches)
        }
    }

    /// The window's scores once the window before it is in `previous` (every earlier one was
    /// stored when this one was scored ahead): a claim repeating one of them is scored again as the
    /// duplicate it is (exact before near, as `DuplicateIndex` answers), and `previous` becomes
    /// this window's fingerprints. So the scores are those of the whole file scored at once, and
    /// what the file's duplicates take in memory is one window's, whatever the file's size.
    public func settle(_ window: ScoredAhead, after previous: inout DuplicateIndex, policy: RiskPolicy) -> [Scored] {
        var scored = window.scored
        for index in scored.indices {
            let fingerprint = scored[index].fingerprint
            let (ahead, earlier) = (window.matches[index], previous.match(fingerprint))
            let match: DuplicateMatch =
                ahead == .exact || earlier == .exact ? .exact : ahead == .near || earlier == .near ? .near : .none
            guard match != ahead else { continue }
            scored[index] = score(
                window.inputs[index], fingerprint, duplicate: match, history: window.history, policy: policy)
        }
        previous = DuplicateIndex(known: scored.map(\.fingerprint))
        return scored
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
