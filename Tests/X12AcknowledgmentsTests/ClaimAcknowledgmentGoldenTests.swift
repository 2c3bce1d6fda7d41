import ClaimsCore
import Testing
import X12Acknowledgments

/// A whole-file 277CA golden: two billing providers, accepted, rejected (with more statuses than
/// one STC holds) and pended claims.
@Suite struct ClaimAcknowledgmentGoldenTests {
    static let report = ClaimAcknowledgmentReport(
        header: AckFixtures.submissionHeader, receivedDate: AckFixtures.date("20260114"),
        decisions: [
            ClaimDecision(
                claim: AckFixtures.claim(
                    "PCN0001", charge: "150", provider: AckFixtures.clinic, providerIndex: 0,
                    from: "20260110"),
                outcome: .accepted(payerClaimControlNumber: "2026015000123")),
            ClaimDecision(
                claim: AckFixtures.claim(
                    "PCN0002", charge: "150", provider: AckFixtures.clinic, providerIndex: 0,
                    from: "20260111", member: "W987654321"),
                outcome: .rejected([ClaimStatus(category: "A7", code: "164", entity: "IL")])),
            ClaimDecision(
                claim: AckFixtures.claim(
                    "PCN0003", charge: "80.50", provider: AckFixtures.doctor, providerIndex: 1,
                    from: "20260105", to: "20260107", patient: Person(lastName: "ROE", firstName: "RICHARD"),
                    member: "W555000111"),
                outcome: .rejected([
                    .syntaxErrorOnAcknowledgment, ClaimStatus(category: "A7", code: "507"),
                    ClaimStatus(category: "A6", code: "562", entity: "82"),
                    ClaimStatus(category: "A8", code: "496", entity: "85"),
                ])),
            ClaimDecision(
                claim: AckFixtures.claim(
                    "PCN0004", charge: "42.25", provider: AckFixtures.doctor, providerIndex: 1,
                    from: "20260108"),
                outcome: .pended),
        ])

    @Test func acceptedRejectedAndPendedAcrossTwoProviders() throws {
        let ack = ClaimAcknowledgmentBuilder.build(
            [Self.report], source: AckFixtures.gateway, envelope: AckFixtures.envelope(), groupControlNumber: 701)
        #expect(
            AckFixtures.text(ack) == """
                ISA*00*          *00*          *ZZ*CLAIMSGATE     *ZZ*SUBMITTER01    *260115*0905*^*00501*000000501*0*P*:~
                GS*HN*CLAIMSGATE*SUBMITTER01*20260115*0905*701*X*005010X214~
                ST*277*0001*005010X214~
                BHT*0085*08*0000005010001*20260115*0905*TH~
                HL*1**20*1~
                NM1*AY*2*CLAIMSGATE*****46*CLAIMSGATE~
                TRN*1*0000005010001~
                DTP*050*D8*20260114~
                DTP*009*D8*20260115~
                HL*2*1*21*1~
                NM1*41*2*EXAMPLE BILLING SERVICE*****46*SUBMITTER01~
                TRN*2*BATCH0001~
                STC*A1:19:AY*20260115*WQ*422.75~
                QTY*90*2~
                QTY*AA*2~
                AMT*YU*192.25~
                AMT*YY*230.5~
                HL*3*2*19*1~
                NM1*85*2*EXAMPLE MEDICAL GROUP*****XX*1234567893~
                TRN*1*0~
                STC*A1:19:AY**WQ*300~
                QTY*QA*1~
                QTY*QC*1~
                AMT*YU*150~
                AMT*YY*150~
                HL*4*3*PT~
                NM1*QC*1*DOE*JANE****MI*W123456789~
                TRN*2*PCN0001~
                STC*A2:20*20260115*WQ*150~
                REF*1K*2026015000123~
                DTP*472*D8*20260110~
                HL*5*3*PT~
                NM1*QC*1*DOE*JANE****MI*W987654321~
                TRN*2*PCN0002~
                STC*A7:164:IL*20260115*U*150~
                DTP*472*D8*20260111~
                HL*6*2*19*1~
                NM1*85*1*KILDARE*JAMES****FI*987654321~
                TRN*1*0~
                STC*A1:19:AY**WQ*122.75~
                QTY*QA*1~
                QTY*QC*1~
                AMT*YU*42.25~
                AMT*YY*80.5~
                HL*7*6*PT~
                NM1*QC*1*ROE*RICHARD****MI*W555000111~
                TRN*2*PCN0003~
                STC*A3:684*20260115*U*80.5******A7:507*A6:562:82~
                STC*A8:496:85*20260115*U*80.5~
                DTP*472*RD8*20260105-20260107~
                HL*8*6*PT~
                NM1*QC*1*DOE*JANE****MI*W123456789~
                TRN*2*PCN0004~
                STC*A1:19:40*20260115*WQ*42.25~
                DTP*472*D8*20260108~
                SE*54*0001~
                GE*1*701~
                IEA*1*000000501~

                """)
        try expectValidByPyx12(ack)
    }
}
