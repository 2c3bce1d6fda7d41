import ClaimsTestSupport
import Testing
import X12

@Suite struct InterchangeReaderTests {
    func read(_ sample: String) throws -> [Interchange] {
        try InterchangeReader.read(X12Source(bytes: Fixtures.sample(sample)))
    }

    @Test func readsOneInterchangeWithItsCounts() throws {
        let interchanges = try read("837p/ig-commercial-health-insurance.edi")
        let interchange = try #require(interchanges.first)
        #expect(interchanges.count == 1)
        #expect(interchange.issues.isEmpty)
        #expect(interchange.header.senderID == "123456789012345")
        #expect(interchange.header.controlNumber == "000010216")
        let group = try #require(interchange.groups.first)
        #expect(group.issues.isEmpty)
        #expect(group.controlNumber == "20213")
        let set = try #require(group.transactionSets.first)
        #expect(set.issues.isEmpty)
        #expect(set.controlNumber == "0021")
        #expect(set.segments.count == 42)
        #expect(Array(set.segments).last?.id == "SE")
    }

    @Test func readsSeveralInterchangesInOneFile() throws {
        let interchanges = try read("837p/multiple-interchanges-in-one-file.txt")
        #expect(interchanges.map(\.header.controlNumber) == ["000000905", "000000906"])
        #expect(interchanges.allSatisfy { $0.trailer != nil })
    }

    @Test func readsSeveralGroups() throws {
        let interchange = try #require(try read("837p/multiple-functional-groups.txt").first)
        #expect(interchange.groups.count > 1)
        #expect(interchange.groups.allSatisfy { $0.trailer != nil })
    }

    @Test func toleratesByteOrderMarkAndCarriageReturnTerminators() throws {
        let interchange = try #require(try read("837p/realworld-crlf-terminator-bom.txt").first)
        #expect(interchange.issues.isEmpty)
        let set = try #require(interchange.groups.first?.transactionSets.first)
        #expect(set.issues.isEmpty)
        #expect(set.segments.allSatisfy { $0.text.first != " " })
    }

    @Test func readsOddSeparators() throws {
        let interchange = try #require(try read("837p/odd-separators-tilde-element-underscore-segment.txt").first)
        #expect(interchange.header.delimiters.element == UInt8(ascii: "~"))
        #expect(interchange.groups.first?.transactionSets.first?.identifier == "837")
    }

    @Test func reportsWrongSegmentCount() throws {
        var text = String(decoding: try Fixtures.sample("837p/ig-commercial-health-insurance.edi"), as: UTF8.self)
        text = text.replacingOccurrences(of: "SE*42*0021", with: "SE*41*0021")
        let set = try #require(try InterchangeReader.read(X12Source(text)).first?.groups.first?.transactionSets.first)
        #expect(set.issues == [.segmentCountMismatch])
    }

    @Test func reportsMismatchedTrailers() throws {
        var text = String(decoding: try Fixtures.sample("837p/ig-commercial-health-insurance.edi"), as: UTF8.self)
        text = text.replacingOccurrences(of: "SE*42*0021", with: "SE*42*0022")
            .replacingOccurrences(of: "GE*1*20213", with: "GE*2*20214")
            .replacingOccurrences(of: "IEA*1*000010216", with: "IEA*2*000010217")
        let interchange = try #require(try InterchangeReader.read(X12Source(text)).first)
        #expect(Set(interchange.issues) == [.groupCountMismatch, .controlNumberMismatch])
        #expect(Set(interchange.groups[0].issues) == [.transactionSetCountMismatch, .controlNumberMismatch])
        #expect(interchange.groups[0].transactionSets[0].issues == [.controlNumberMismatch])
    }

    @Test func reportsTruncation() throws {
        let bytes = try Fixtures.sample("837p/ig-commercial-health-insurance.edi")
        let interchange = try #require(try InterchangeReader.read(X12Source(bytes: Array(bytes.prefix(700)))).first)
        #expect(interchange.issues.contains(.missingTrailer))
        #expect(interchange.groups.first?.issues.contains(.missingTrailer) == true)
        #expect(interchange.groups.first?.transactionSets.first?.issues.contains(.missingTrailer) == true)
        #expect(!interchange.isAccepted)
    }

    /// ST02 must be unique within its group and GS06 within its interchange, not beyond.
    @Test func repeatedControlNumbersAreFlaggedWithinTheirScope() throws {
        let sample = String(decoding: try Fixtures.sample("837p/ig-commercial-health-insurance.edi"), as: UTF8.self)
        let isa = try #require(sample.split(separator: "~").first)
        func set(_ control: String) -> String { "ST*837*\(control)*005010X222A1~BHT*0019*00*1*20261130*1200*CH~SE*3*\(control)~" }
        func group(_ control: String, _ sets: [String]) -> String {
            "GS*HC*S*R*20261130*1200*\(control)*X*005010X222A1~" + sets.map(set).joined() + "GE*\(sets.count)*\(control)~"
        }
        let text =
            "\(isa)~" + group("1", ["0001", "0002"]) + group("2", ["0001", "0003", "0001"]) + group("1", ["0004"])
            + "IEA*3*000010216~"
        let interchange = try #require(try InterchangeReader.read(X12Source(text)).first)
        #expect(interchange.groups.map { $0.issues.contains(.duplicateControlNumber) } == [false, false, true])
        #expect(
            interchange.groups.map { $0.transactionSets.map { $0.issues.contains(.duplicateControlNumber) } }
                == [[false, false], [false, false, true], [false]])
        #expect(interchange.groups[1].transactionSets.map(\.controlNumber) == ["0001", "0003", "0001"])
    }

    @Test(arguments: [[UInt8](), Array("%PDF-1.7\n".utf8) + Array(repeating: 0x41, count: 200), [0x49, 0x53, 0x41, 0x2A]])
    func refusesWhatIsNotX12(bytes: [UInt8]) {
        #expect(throws: EnvelopeError.self) { try InterchangeReader.read(X12Source(bytes: bytes)) }
    }
}
