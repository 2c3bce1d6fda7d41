import Testing
import X12
import X12Acknowledgments

@Suite struct ImplementationAcknowledgmentTests {
    typealias SetResponse = TransactionSetResponse

    static let errorInClaim = SegmentError(
        segmentID: "CLM", position: 22, loopID: "2300", code: "8",
        elementErrors: [ElementError(position: 2, reference: "782", code: "1")])

    @Test(arguments: [
        (sets: [SetResponse(controlNumber: "0001")], groupErrors: [String](), ak9: ["A", "1", "1", "1"]),
        (
            sets: [
                SetResponse(controlNumber: "0001"), SetResponse(controlNumber: "0002", segmentErrors: [errorInClaim]),
            ], groupErrors: [],
            ak9: ["E", "2", "2", "2"]
        ),
        (
            sets: [SetResponse(controlNumber: "0001"), SetResponse(controlNumber: "0002", disposition: .rejected)],
            groupErrors: [],
            ak9: ["P", "2", "2", "1"]
        ),
        (
            sets: [
                SetResponse(controlNumber: "0001", setErrors: ["3"]),
                SetResponse(controlNumber: "0002", setErrors: ["I6"]),
            ], groupErrors: [],
            ak9: ["R", "2", "2", "0"]
        ),
        (sets: [SetResponse(controlNumber: "0001")], groupErrors: ["5"], ak9: ["R", "1", "1", "0", "5"]),
    ])
    func groupAcknowledgmentCode(sets: [SetResponse], groupErrors: [String], ak9: [String]) throws {
        let group = GroupResponse(
            controlNumber: "9", declaredTransactionSetCount: sets.count, groupErrors: groupErrors, transactionSets: sets
        )
        let ack = ImplementationAcknowledgmentBuilder.build(
            [group], envelope: AckFixtures.envelope(), groupControlNumber: 1)
        let written = try #require(AckFixtures.segments(ack).first { $0[0] == "AK9" })
        #expect(Array(written.dropFirst()) == ak9)
        try expectValidByPyx12(ack)
    }

    @Test func transactionSetCode() {
        #expect(SetResponse(controlNumber: "0001").acknowledgmentCode == "A")
        #expect(SetResponse(controlNumber: "0001", segmentErrors: [Self.errorInClaim]).acknowledgmentCode == "E")
        #expect(SetResponse(controlNumber: "0001", disposition: .acceptedWithErrors).acknowledgmentCode == "E")
        #expect(
            SetResponse(controlNumber: "0001", segmentErrors: [Self.errorInClaim], disposition: .rejected)
                .acknowledgmentCode == "R")
        #expect(SetResponse(controlNumber: "0001", setErrors: ["23"]).acknowledgmentCode == "R")
    }

    @Test func implementationOnlyErrorsAreSummarisedAsI5() throws {
        let notUsed = SegmentError(segmentID: "PWK", position: 30, loopID: "2300", code: "I4", businessUnit: "PCN1")
        let ack = ImplementationAcknowledgmentBuilder.build(
            [
                GroupResponse(
                    controlNumber: "1", declaredTransactionSetCount: 1,
                    transactionSets: [
                        SetResponse(controlNumber: "0001", segmentErrors: [notUsed], disposition: .rejected)
                    ])
            ],
            envelope: AckFixtures.envelope(), groupControlNumber: 1)
        #expect(AckFixtures.segments(ack).contains(["IK5", "R", "I5"]))
        try expectValidByPyx12(ack)
    }

    /// IK303 holds four characters; a bad value that would break the 999 is not copied; an echoed
    /// CLM01 from a file with other delimiters cannot split the CTX.
    @Test func valuesThatDoNotFitAreShortenedOrLeftOut() throws {
        let error = SegmentError(
            segmentID: "NM1", position: 14, loopID: "2010BA", code: "8", businessUnit: "PCN:7*",
            elementErrors: [
                ElementError(position: 9, reference: "67", code: "6", badValue: "W12*34"),
                ElementError(position: 3, reference: "1035", code: "5", badValue: String(repeating: "X", count: 100)),
            ])
        let ack = ImplementationAcknowledgmentBuilder.build(
            [
                GroupResponse(
                    controlNumber: "1", declaredTransactionSetCount: 1,
                    transactionSets: [
                        SetResponse(controlNumber: "0001", segmentErrors: [error], disposition: .rejected)
                    ])
            ],
            envelope: AckFixtures.envelope(), groupControlNumber: 1)
        let segments = AckFixtures.segments(ack)
        #expect(segments.contains(["IK3", "NM1", "14", "2010", "8"]))
        #expect(segments.contains(["CTX", "CLM01:PCN 7"]))
        #expect(segments.contains(["IK4", "9", "67", "6"]))
        #expect(segments.contains(["IK4", "3", "1035", "5"]))
        try expectValidByPyx12(ack)
    }

    /// The pipeline's path: envelope issues found by `InterchangeReader` become IK502 and AK9 codes.
    @Test func responsesFromTheEnvelopeReader() throws {
        let file = """
            ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*CLAIMSGATE     *260114*2359*^*00501*000000101*0*P*:~
            GS*HC*SUBMITTER01*CLAIMSGATE*20260114*2359*7*X*005010X222A1~
            ST*837*0001*005010X222A1~
            BHT*0019*00*B1*20260114*2359*CH~
            SE*3*0001~
            ST*837*0002*005010X222A1~
            BHT*0019*00*B2*20260114*2359*CH~
            SE*9*0002~
            GE*2*7~
            IEA*1*000000101~
            """
        let interchange = try #require(try InterchangeReader.read(X12Source(file)).first)
        let group = try #require(interchange.groups.first)
        let response = GroupResponse(group, transactionSets: group.transactionSets.map { SetResponse($0) })
        #expect(response.transactionSets.map(\.setErrors) == [[], ["4"]])
        let ack = ImplementationAcknowledgmentBuilder.build(
            [response], envelope: AckFixtures.envelope(InboundInterchange(interchange)), groupControlNumber: 1)
        let segments = AckFixtures.segments(ack)
        #expect(segments.contains(["AK1", "HC", "7", "005010X222A1"]))
        #expect(segments.contains(["IK5", "R", "4"]))
        #expect(segments.contains(["AK9", "P", "2", "2", "1"]))
        try expectValidByPyx12(ack)
    }
}
