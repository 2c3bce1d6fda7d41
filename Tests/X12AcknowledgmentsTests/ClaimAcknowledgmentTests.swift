import ClaimsCore
import Testing
import X12Acknowledgments

@Suite struct ClaimAcknowledgmentTests {
    func build(_ reports: [ClaimAcknowledgmentReport], source: InformationSource = AckFixtures.gateway) -> [UInt8] {
        ClaimAcknowledgmentBuilder.build(
            reports, source: source, envelope: AckFixtures.envelope(), groupControlNumber: 9)
    }

    func report(_ decisions: [ClaimDecision]) -> ClaimAcknowledgmentReport {
        ClaimAcknowledgmentReport(
            header: AckFixtures.submissionHeader, receivedDate: AckFixtures.date("20260114"), decisions: decisions)
    }

    func decision(_ clm01: String, _ outcome: ClaimOutcome, charge: String = "100", member: String = "W1")
        -> ClaimDecision
    {
        ClaimDecision(
            claim: AckFixtures.claim(
                clm01, charge: charge, provider: AckFixtures.clinic, providerIndex: 0,
                from: "20260110", member: member),
            outcome: outcome)
    }

    /// A batch with nothing accepted says so at 2200B and 2200C (`U`), with rejected totals only.
    @Test func allRejected() throws {
        let ack = build([report([decision("A", .rejected([.syntaxErrorOnAcknowledgment]))])])
        let segments = AckFixtures.segments(ack)
        #expect(segments.contains(["STC", "A1:19:AY", "20260115", "U", "100"]))
        #expect(segments.contains(["STC", "A1:19:AY", "", "U", "100"]))
        #expect(!segments.contains { $0[0] == "QTY" && ($0[1] == "90" || $0[1] == "QA") })
        #expect(!segments.contains { $0 == ["AMT", "YU", "100"] })
        #expect(segments.contains(["QTY", "AA", "1"]) && segments.contains(["QTY", "QC", "1"]))
        try expectValidByPyx12(ack)
    }

    /// A payer source names itself PR and acknowledges a held claim with `A1:19:PR`.
    @Test func payerSource() throws {
        let payer = InformationSource(
            role: .payer, name: "EXAMPLE HEALTH PLAN", identifierQualifier: "PI", identifier: "12345")
        let ack = build([report([decision("A", .pended)])], source: payer)
        let segments = AckFixtures.segments(ack)
        #expect(segments.contains(["NM1", "PR", "2", "EXAMPLE HEALTH PLAN", "", "", "", "", "PI", "12345"]))
        #expect(segments.contains(["STC", "A1:19:PR", "20260115", "WQ", "100"]))
        try expectValidByPyx12(ack)
    }

    /// Missing ids and dates still give a valid 277CA; a rejection without a status says `A3:0`;
    /// values from a file with other delimiters cannot split our elements.
    @Test func degenerateInputsStayValid() throws {
        var claim = AckFixtures.claim(
            "PCN*9", charge: "0", provider: AckFixtures.clinic, providerIndex: 0,
            from: "20260110", member: "")
        claim.serviceLines = []
        claim.billingProvider.npi = nil
        claim.billingProvider.taxID = nil
        let ack = build([report([ClaimDecision(claim: claim, outcome: .rejected([]))])])
        let segments = AckFixtures.segments(ack)
        #expect(segments.contains(["NM1", "85", "2", "EXAMPLE MEDICAL GROUP", "", "", "", "", "FI", "UNKNOWN"]))
        #expect(segments.contains(["NM1", "QC", "1", "DOE", "JANE", "", "", "", "MI", "UNKNOWN"]))
        #expect(segments.contains(["TRN", "2", "PCN 9"]))
        #expect(segments.contains(["STC", "A3:0", "20260115", "U", "0"]))
        #expect(segments.contains(["DTP", "472", "D8", "20260114"]))
        #expect(!segments.contains { $0[0] == "AMT" })
        try expectValidByPyx12(ack)
    }

    /// Each received 837 set gets its own 277 set, HL numbering restarting at 1.
    @Test func oneTransactionSetPerReport() throws {
        let ack = build([
            report([decision("A", .pended)]), report([decision("B", .accepted(payerClaimControlNumber: "X1"))]),
        ])
        let segments = AckFixtures.segments(ack)
        #expect(segments.filter { $0[0] == "ST" }.map { $0[2] } == ["0001", "0002"])
        #expect(segments.filter { $0 == ["HL", "1", "", "20", "1"] }.count == 2)
        #expect(segments.contains(["BHT", "0085", "08", "0000005010002", "20260115", "0905", "TH"]))
        #expect(segments.contains(["GE", "2", "9"]))
        try expectValidByPyx12(ack)
    }
}
