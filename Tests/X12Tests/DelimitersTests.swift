import Testing
import X12

@Suite struct DelimitersTests {
    static let isa =
        "ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*CLAIMSGATE     *261130*1015*^*00501*000000001*0*T*:~"

    func delimiters(_ text: String) throws(EnvelopeError) -> Delimiters {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(EnvelopeError) in try Delimiters(isa: buffer) }
    }

    @Test func readsSeparatorsByPosition() throws {
        let found = try delimiters(Self.isa)
        #expect(found == .standard)
    }

    @Test func readsUnusualSeparators() throws {
        let text = Self.isa.replacingOccurrences(of: "*", with: "|").replacingOccurrences(of: "~", with: "\n")
            .replacingOccurrences(of: "^", with: "!").replacingOccurrences(of: ":", with: ">")
        let found = try delimiters(text)
        #expect(found.element == UInt8(ascii: "|"))
        #expect(found.segment == 0x0A)
        #expect(found.repetition == UInt8(ascii: "!"))
        #expect(found.component == UInt8(ascii: ">"))
    }

    @Test func letterInISA11IsNoRepetitionSeparator() throws {
        let found = try delimiters(Self.isa.replacingOccurrences(of: "*^*", with: "*U*"))
        #expect(found.repetition == 0)
    }

    @Test(arguments: [
        ("", EnvelopeError.truncatedISA),
        (String(DelimitersTests.isa.prefix(60)), .truncatedISA),
        ("GS*HC" + String(repeating: " ", count: 120), .missingISA),
        (DelimitersTests.isa.replacingOccurrences(of: "SUBMITTER      ", with: "SUBMITTER") + "~~~~~~", .malformedISA),
        (DelimitersTests.isa.replacingOccurrences(of: "*:~", with: "*A~"), .invalidComponentSeparator),
        (DelimitersTests.isa.replacingOccurrences(of: "*:~", with: "*::"), .invalidSegmentTerminator),
    ])
    func rejectsBrokenHeaders(text: String, expected: EnvelopeError) {
        #expect(throws: expected) { try delimiters(text) }
    }
}
