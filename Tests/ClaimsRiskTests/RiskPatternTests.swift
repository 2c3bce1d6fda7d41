import ClaimsCore
import ClaimsPipeline
import ClaimsRisk
import Testing

/// A claim with a known risky pattern scores above the same claim without it (shipped model).
@Suite struct RiskPatternTests {
    /// A way to make a clean claim risky, and which clean claims it applies to.
    struct Pattern: Sendable, CustomTestStringConvertible {
        var name: String
        var applies: @Sendable (Claim) -> Bool
        var plant: @Sendable (inout Claim, inout CalendarDate?, inout ClaimHistory) -> Void
        var testDescription: String { name }
    }

    static let patterns: [Pattern] = [
        Pattern(name: "inflated charge", applies: { _ in true }) { claim, _, _ in
            claim.serviceLines[0].charge.cents *= 4
            claim.totalCharge = claim.serviceLines.reduce(.zero) { $0 + $1.charge }
        },
        Pattern(name: "visit without modifier 25", applies: { $0.serviceLines.contains { $0.modifiers.contains("25") } }) {
            claim, _, _ in
            for i in claim.serviceLines.indices { claim.serviceLines[i].modifiers.removeAll { $0 == "25" } }
        },
        Pattern(name: "joint injection without side", applies: { $0.serviceLines.contains { $0.modifiers.contains("RT") || $0.modifiers.contains("LT") } }) {
            claim, _, _ in
            for i in claim.serviceLines.indices { claim.serviceLines[i].modifiers.removeAll { $0 == "RT" || $0 == "LT" } }
        },
        Pattern(name: "therapy without GP", applies: { $0.serviceLines.contains { $0.modifiers.contains("GP") } }) {
            claim, _, _ in
            for i in claim.serviceLines.indices { claim.serviceLines[i].modifiers.removeAll { $0 == "GP" } }
        },
        Pattern(name: "telehealth with procedures", applies: { claim in
            claim.placeOfService == "11" && claim.serviceLines.contains { !$0.procedureCode.hasPrefix("992") }
        }) { claim, _, _ in claim.placeOfService = "02" },
        Pattern(name: "late submission", applies: { _ in true }) { claim, submitted, _ in
            let last = claim.serviceDateRange!.upperBound
            submitted = CalendarDate(year: last.year + 1, month: last.month, day: min(last.day, 28))
        },
        Pattern(name: "exact duplicate", applies: { _ in true }) { _, _, history in history.duplicate = .exact },
    ]

    @Test(arguments: patterns)
    func riskyPatternScoresAboveTheCleanClaim(_ pattern: Pattern) throws {
        let scorer = try RiskScorer(model: try RiskFixtures.shippedModel())
        let candidates = try RiskFixtures.parsedClaims(claims: 400, seed: 31).filter { pattern.applies($0.claim) }
        try #require(candidates.count >= 3, "no generated claim fits \(pattern.name)")
        for input in candidates.prefix(10) {
            let clean = scorer.score(input.claim, submittedOn: input.submittedOn, history: ClaimHistory())
            var claim = input.claim
            var submitted = input.submittedOn
            var history = ClaimHistory()
            pattern.plant(&claim, &submitted, &history)
            let risky = scorer.score(claim, submittedOn: submitted, history: history)
            #expect(risky.score > clean.score, "\(pattern.name): \(risky.score) ≤ \(clean.score)")
            #expect(risky.topFactors.first.map { $0.contribution > 0 } == true)
        }
    }

    @Test func aRepeatedClaimInOneFileIsFlaggedAsDuplicate() throws {
        let stage = RiskStage(scorer: try RiskScorer(model: try RiskFixtures.shippedModel()))
        let inputs = try RiskFixtures.parsedClaims(claims: 5, seed: 3)
        var repeated = inputs[0]
        repeated.claim.patientControlNumber = "RESENT01"
        let scored = stage.score(inputs + [repeated], history: ([:], [:]), known: [], policy: RiskPolicy())
        #expect(scored.last!.assessment.features[RiskFeature.exactDuplicate.index] == 1)
        #expect(scored.dropLast().allSatisfy { $0.assessment.features[RiskFeature.exactDuplicate.index] == 0 })
        #expect(scored.last!.assessment.score > scored[0].assessment.score)
    }

    @Test func scoresAreProbabilities() throws {
        let scorer = try RiskScorer(model: try RiskFixtures.shippedModel())
        for input in try RiskFixtures.parsedClaims(claims: 300, seed: 5) {
            let score = scorer.score(input.claim, submittedOn: input.submittedOn, history: ClaimHistory()).score
            #expect((0...1).contains(score))
        }
    }
}
