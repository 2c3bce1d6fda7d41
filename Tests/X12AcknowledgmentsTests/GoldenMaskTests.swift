import Testing
import X12Acknowledgments

@Suite struct GoldenMaskTests {
    @Test func masksEnvelopeValuesAndKeepsTheRest() {
        let text = """
            ISA*00*          *00*          *ZZ*A              *ZZ*B              *260115*0905*^*00501*000000501*0*P*:~
            GS*FA*A*B*20260115*0905*77*X*005010X231A1~
            ST*999*0001*005010X231A1~
            AK1*HC*1*005010X222A1~
            SE*3*0001~
            GE*1*77~
            IEA*1*000000501~

            """
        let expected = """
            ISA*00*          *00*          *ZZ*A              *ZZ*B              *YYMMDD*HHMM*^*00501*#########*0*P*:~
            GS*FA*A*B*CCYYMMDD*HHMM*#*X*005010X231A1~
            ST*999*#*005010X231A1~
            AK1*HC*1*005010X222A1~
            SE*3*#~
            GE*1*#~
            IEA*1*#~

            """
        #expect(GoldenMask.mask(text) == expected)
    }

    @Test func twoRunsDifferingOnlyInEnvelopeValuesMaskEqual() {
        let first = AckFixtures.text(
            TA1Builder.build(.accepted, envelope: AckFixtures.envelope(controlNumber: 1)))
        let second = AckFixtures.text(
            TA1Builder.build(.accepted, envelope: AckFixtures.envelope(controlNumber: 2)))
        #expect(first != second)
        #expect(GoldenMask.mask(first) == GoldenMask.mask(second))
    }
}
