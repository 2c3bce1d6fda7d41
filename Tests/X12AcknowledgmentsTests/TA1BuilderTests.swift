import Testing
import X12
import X12Acknowledgments

/// TA1s are checked here only: pyx12 cannot validate a TA1-only interchange (it wants a GS).
@Suite struct TA1BuilderTests {
    @Test func rejectionGolden() {
        let ta1 = TA1Builder.build(
            InterchangeAcknowledgment(code: .rejected, noteCode: "021"),
            envelope: AckFixtures.envelope(controlNumber: 502))
        #expect(
            AckFixtures.text(ta1) == """
                ISA*00*          *00*          *ZZ*CLAIMSGATE     *ZZ*SUBMITTER01    *260115*0905*^*00501*000000502*0*P*:~
                TA1*000000101*260114*2359*R*021~
                IEA*0*000000502~

                """)
    }

    @Test func positiveGolden() {
        var inbound = AckFixtures.inbound
        inbound.acknowledgmentRequested = true
        inbound.usageIndicator = "T"
        #expect(InterchangeAcknowledgment.accepted.isDue(for: inbound))
        let ta1 = TA1Builder.build(.accepted, envelope: AckFixtures.envelope(inbound, controlNumber: 503))
        #expect(
            AckFixtures.text(ta1) == """
                ISA*00*          *00*          *ZZ*CLAIMSGATE     *ZZ*SUBMITTER01    *260115*0905*^*00501*000000503*0*T*:~
                TA1*000000101*260114*2359*A*000~
                IEA*0*000000503~

                """)
    }

    @Test func cleanEnvelopeGetsNoTA1UnlessRequested() {
        #expect(!InterchangeAcknowledgment.accepted.isDue(for: AckFixtures.inbound))
        #expect(InterchangeAcknowledgment(code: .rejected, noteCode: "006").isDue(for: AckFixtures.inbound))
    }

    @Test(arguments: [
        (trailer: "IEA*1*000000101~", code: InterchangeAcknowledgment.Code.accepted, note: "000"),
        (trailer: "IEA*2*000000101~", code: .rejected, note: "021"),
        (trailer: "IEA*1*000000999~", code: .acceptedWithErrors, note: "001"),
    ])
    func verdictFromTheEnvelopeReader(trailer: String, code: InterchangeAcknowledgment.Code, note: String) throws {
        let file = """
            ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*CLAIMSGATE     *260114*2359*^*00501*000000101*1*P*:~
            GS*HC*SUBMITTER01*CLAIMSGATE*20260114*2359*1*X*005010X222A1~
            ST*837*0001*005010X222A1~
            SE*2*0001~
            GE*1*1~
            \(trailer)
            """
        let interchange = try #require(try InterchangeReader.read(X12Source(file)).first)
        let verdict = InterchangeAcknowledgment(assessing: interchange)
        #expect(verdict == InterchangeAcknowledgment(code: code, noteCode: note))

        let inbound = InboundInterchange(interchange)
        #expect(inbound.senderID == "SUBMITTER01" && inbound.controlNumber == "000000101")
        #expect(inbound.acknowledgmentRequested && inbound.applicationReceiverCode == "CLAIMSGATE")
        let ta1 = AckFixtures.segments(TA1Builder.build(verdict, envelope: AckFixtures.envelope(inbound)))
        #expect(ta1[1] == ["TA1", "000000101", "260114", "2359", code.rawValue, note])
    }
}
