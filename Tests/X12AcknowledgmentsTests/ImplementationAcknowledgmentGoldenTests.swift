import Testing
import X12Acknowledgments

/// Whole-file 999 goldens, each also validated by pyx12.
@Suite struct ImplementationAcknowledgmentGoldenTests {
    static let isa =
        "ISA*00*          *00*          *ZZ*CLAIMSGATE     *ZZ*SUBMITTER01    *260115*0905*^*00501*000000501*0*P*:~"

    func build(_ groups: [GroupResponse]) -> [UInt8] {
        ImplementationAcknowledgmentBuilder.build(groups, envelope: AckFixtures.envelope(), groupControlNumber: 601)
    }

    @Test func allAccepted() throws {
        let groups = [
            GroupResponse(
                controlNumber: "1", declaredTransactionSetCount: 1,
                transactionSets: [TransactionSetResponse(controlNumber: "0001")])
        ]
        #expect(ImplementationAcknowledgmentBuilder.isAllAccepted(groups))
        let ack = build(groups)
        #expect(
            AckFixtures.text(ack) == """
                \(Self.isa)
                GS*FA*CLAIMSGATE*SUBMITTER01*20260115*0905*601*X*005010X231A1~
                ST*999*0001*005010X231A1~
                AK1*HC*1*005010X222A1~
                AK2*837*0001*005010X222A1~
                IK5*A~
                AK9*A*1*1*1~
                SE*6*0001~
                GE*1*601~
                IEA*1*000000501~

                """)
        try expectValidByPyx12(ack)
    }

    @Test func oneSetRejectedAmongThree() throws {
        let groups = [
            GroupResponse(
                controlNumber: "17", declaredTransactionSetCount: 3,
                transactionSets: [
                    TransactionSetResponse(controlNumber: "0001"),
                    TransactionSetResponse(controlNumber: "0002", setErrors: ["4"]),
                    TransactionSetResponse(controlNumber: "0003"),
                ])
        ]
        #expect(!ImplementationAcknowledgmentBuilder.isAllAccepted(groups))
        let ack = build(groups)
        #expect(
            AckFixtures.text(ack) == """
                \(Self.isa)
                GS*FA*CLAIMSGATE*SUBMITTER01*20260115*0905*601*X*005010X231A1~
                ST*999*0001*005010X231A1~
                AK1*HC*17*005010X222A1~
                AK2*837*0001*005010X222A1~
                IK5*A~
                AK2*837*0002*005010X222A1~
                IK5*R*4~
                AK2*837*0003*005010X222A1~
                IK5*A~
                AK9*P*3*3*2~
                SE*10*0001~
                GE*1*601~
                IEA*1*000000501~

                """)
        try expectValidByPyx12(ack)
    }

    @Test func claimLevelErrorIsAcceptedWithErrors() throws {
        let error = SegmentError(
            segmentID: "SV1", position: 25, loopID: "2400", code: "8", businessUnit: "PCN0002",
            elementErrors: [
                ElementError(position: 1, component: 2, reference: "234", code: "7", badValue: "9921"),
                ElementError(position: 3, reference: "355", code: "1"),
            ])
        let groups = [
            GroupResponse(
                controlNumber: "1", declaredTransactionSetCount: 1,
                transactionSets: [
                    TransactionSetResponse(
                        controlNumber: "0001", segmentErrors: [error], disposition: .acceptedWithErrors)
                ])
        ]
        let ack = build(groups)
        #expect(
            AckFixtures.text(ack) == """
                \(Self.isa)
                GS*FA*CLAIMSGATE*SUBMITTER01*20260115*0905*601*X*005010X231A1~
                ST*999*0001*005010X231A1~
                AK1*HC*1*005010X222A1~
                AK2*837*0001*005010X222A1~
                IK3*SV1*25*2400*8~
                CTX*CLM01:PCN0002~
                IK4*1:2*234*7*9921~
                IK4*3*355*1~
                IK5*E*5~
                AK9*E*1*1*1~
                SE*10*0001~
                GE*1*601~
                IEA*1*000000501~

                """)
        try expectValidByPyx12(ack)
    }
}
