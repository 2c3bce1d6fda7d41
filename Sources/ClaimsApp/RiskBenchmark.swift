import ClaimsCore
import ClaimsPipeline
import ClaimsRisk
import ClaimsSynthetic
import Foundation
import X12

/// `claimsgate model bench`: the cost of scoring a claim, against the cost of reading and
/// validating it (the peer measured in the same run on the same claims).
public struct RiskBenchmark: Sendable {
    public var claims: Int
    public var seed: UInt64
    public var rounds: Int

    public init(claims: Int, seed: UInt64, rounds: Int) {
        self.claims = claims
        self.seed = seed
        self.rounds = rounds
    }

    public struct Result: Sendable {
        /// Best round, nanoseconds per claim.
        public var assessNanoseconds: Double
        public var scoreNanoseconds: Double
        public var stageNanoseconds: Double

        public var report: String {
            """
            best round, per claim:
            parse+validate (peer): \(String(format: "%.0f", assessNanoseconds)) ns/claim
            score (features, model, top factors): \(String(format: "%.0f", scoreNanoseconds)) ns/claim = \(String(format: "%.3f", scoreNanoseconds / assessNanoseconds)) × parse+validate
            scoring stage (+ fingerprints, duplicate index, history lookup): \(String(format: "%.0f", stageNanoseconds)) ns/claim = \(String(format: "%.3f", stageNanoseconds / assessNanoseconds)) × parse+validate
            """
        }
    }

    public func run(model: RiskModel) throws -> Result {
        var options = SyntheticFileOptions(claims: claims, seed: seed)
        options.labelled = true
        let bytes = try SyntheticClaimFile(options).bytes()
        let assessor = FileAssessor(identity: GatewayIdentity(), checksRouting: false)
        let stage = RiskStage(scorer: try RiskScorer(model: model))
        let received = CalendarDate(year: 2030, month: 1, day: 1)!
        var inputs: [ScoringInput] = []
        var assess = Double.infinity
        var score = Double.infinity
        var stageCost = Double.infinity
        var sink = 0.0
        for _ in 0..<rounds {
            assess = min(assess, try measure {
                inputs = try assessor.assess(X12Source(bytes: bytes), partner: .anySender, receivedDate: received).scoringInputs
            })
            let history = ClaimHistory(providerClaims: 40, providerRejections: 6, payerClaims: 900, payerRejections: 120)
            score = min(score, measure {
                for input in inputs {
                    sink += stage.scorer.score(input.claim, submittedOn: input.submittedOn, history: history).score
                }
            })
            stageCost = min(stageCost, measure {
                sink += stage.score(inputs, history: ([:], [:]), known: [], policy: RiskPolicy()).count(where: \.held) > 0 ? 1 : 0
            })
        }
        precondition(sink.isFinite)
        let n = Double(max(inputs.count, 1))
        return Result(assessNanoseconds: assess / n, scoreNanoseconds: score / n, stageNanoseconds: stageCost / n)
    }

    private func measure(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return (clock.now - start).seconds * 1e9
    }
}
