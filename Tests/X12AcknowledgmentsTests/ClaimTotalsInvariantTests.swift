import ClaimsCore
import Testing
import X12Acknowledgments

/// The 277CA's counts and amounts must reconcile with its own claim list, at every level.
@Suite struct ClaimTotalsInvariantTests {
    /// 500 claims over 7 billing providers, every 33rd rejected (about 3%), some pended, charges
    /// with cents, so a rounding or double-counting slip shows.
    static let decisions: [ClaimDecision] = (0..<500).map { index in
        let providerIndex = index % 7
        let provider = Provider(
            entityType: "2", lastOrOrganizationName: "GROUP \(providerIndex)", npi: "123456789\(providerIndex)",
            taxID: nil, address: nil)
        let cents = 1_000 + (index * 7_919) % 250_000
        let claim = AckFixtures.claim(
            "PCN\(index)", charge: Amount(cents: Int64(cents)).description, provider: provider,
            providerIndex: providerIndex, from: "20260110", member: "M\(index)")
        let outcome: ClaimOutcome =
            switch index {
            case _ where index % 33 == 0: .rejected([ClaimStatus(category: "A7", code: "562", entity: "85")])
            case _ where index % 50 == 1: .pended
            default: .accepted(payerClaimControlNumber: "G\(index)")
            }
        return ClaimDecision(claim: claim, outcome: outcome)
    }

    @Test func totalsReconcileAtEveryLevel() throws {
        let report = ClaimAcknowledgmentReport(
            header: AckFixtures.submissionHeader, receivedDate: AckFixtures.date("20260114"),
            decisions: Self.decisions)
        let ack = ClaimAcknowledgmentBuilder.build(
            [report], source: AckFixtures.gateway, envelope: AckFixtures.envelope(), groupControlNumber: 1)
        let levels = Level.read(AckFixtures.segments(ack))

        let receiver = try #require(levels.first { $0.code == "21" })
        let providers = levels.filter { $0.code == "19" }
        let claims = levels.filter { $0.code == "PT" }
        let expectedTotal = Self.decisions.reduce(Amount.zero) { $0 + $1.claim.totalCharge }
        let expectedRejected = Self.decisions.filter { $0.outcome.isRejected }.count

        #expect(claims.count == 500 && providers.count == 7)
        #expect(receiver.quantities["90", default: 0] + receiver.quantities["AA", default: 0] == 500)
        #expect(receiver.quantities["AA"] == expectedRejected)
        #expect(receiver.amounts["YU", default: .zero] + receiver.amounts["YY", default: .zero] == expectedTotal)
        #expect(receiver.summaryCharge == expectedTotal)
        #expect(claims.reduce(Amount.zero) { $0 + $1.summaryCharge } == expectedTotal)

        for provider in providers {
            let own = claims.filter { $0.parent == provider.id }
            let rejected = own.filter(\.isRejected)
            #expect(provider.quantities["QA", default: 0] + provider.quantities["QC", default: 0] == own.count)
            #expect(provider.quantities["QC", default: 0] == rejected.count)
            #expect(provider.amounts["YY", default: .zero] == rejected.reduce(.zero) { $0 + $1.summaryCharge })
            #expect(
                provider.amounts["YU", default: .zero] + provider.amounts["YY", default: .zero]
                    == own.reduce(.zero) { $0 + $1.summaryCharge })
        }
        try expectValidByPyx12(ack)
    }

    /// One HL level of a 277CA as read back from the output: its STC04, QTY and AMT values.
    struct Level {
        var id: String
        var parent: String
        var code: String
        var summaryCharge = Amount.zero
        var isRejected = false
        var quantities: [String: Int] = [:]
        var amounts: [String: Amount] = [:]

        static func read(_ segments: [[String]]) -> [Level] {
            var levels: [Level] = []
            for segment in segments {
                switch segment[0] {
                case "HL": levels.append(Level(id: segment[1], parent: segment[2], code: segment[3]))
                case "STC" where !levels.isEmpty && levels[levels.count - 1].summaryCharge == .zero:
                    levels[levels.count - 1].summaryCharge = Amount(segment[4]) ?? .zero
                    levels[levels.count - 1].isRejected = segment[3] == "U"
                case "QTY" where !levels.isEmpty: levels[levels.count - 1].quantities[segment[1]] = Int(segment[2])
                case "AMT" where !levels.isEmpty: levels[levels.count - 1].amounts[segment[1]] = Amount(segment[2])
                default: break
                }
            }
            return levels
        }
    }
}
