@testable import ClaimsCore
import ClaimsTestSupport
import Testing
import X12
import X12Schema

@Suite struct ClaimParserTests {
    func parse(_ sample: String) throws -> [ParsedTransactionSet] {
        let interchanges = try InterchangeReader.read(X12Source(bytes: Fixtures.sample(sample)))
        var result: [ParsedTransactionSet] = []
        for (i, interchange) in interchanges.enumerated() {
            for (g, group) in interchange.groups.enumerated() {
                for (s, set) in group.transactionSets.enumerated() {
                    result.append(ClaimParser().parse(set, interchange: i, group: g, transactionSet: s))
                }
            }
        }
        return result
    }

    @Test func readsDependentPatientClaim() throws {
        let set = try #require(try parse("837p/ig-commercial-health-insurance.edi").first)
        #expect(set.structureErrors.isEmpty)
        #expect(set.header.batchReference == "244579")
        #expect(set.header.submitter.identifier == "TGJ23")
        let claim = try #require(set.claims.first)
        #expect(set.claims.count == 1)
        #expect(claim.patientControlNumber == "26463774")
        #expect(claim.totalCharge == Amount(cents: 10_000))
        #expect(claim.placeOfService == "11")
        #expect(claim.frequencyCode == "1")
        #expect(claim.billingProvider.npi == "9876543210")
        #expect(claim.billingProvider.taxID == "587654321")
        #expect(claim.billingProvider.taxonomy == "203BF0100Y")
        #expect(claim.subscriber.lastName == "SMITH")
        #expect(claim.subscriber.memberID == "JS00111223333")
        #expect(claim.patient?.firstName == "TED")
        #expect(claim.patient?.birthDate == CalendarDate(year: 1973, month: 5, day: 1))
        #expect(claim.patientRelationship == "19")
        #expect(claim.payer.identifier == "999996666")
        #expect(claim.diagnoses == [Diagnosis(qualifier: "BK", code: "0340"), Diagnosis(qualifier: "BF", code: "V7389")])
        #expect(claim.serviceLines.map(\.procedureCode) == ["99213", "87070", "99214", "86663"])
        #expect(claim.serviceLines.map(\.charge.cents).reduce(0, +) == claim.totalCharge.cents)
        #expect(claim.serviceLines[2].diagnosisPointers == [2])
        #expect(claim.serviceLines[2].serviceDateFrom == CalendarDate(year: 2006, month: 10, day: 10))
        #expect(claim.serviceDateRange?.upperBound == CalendarDate(year: 2006, month: 10, day: 10))
        #expect(claim.position.segmentPosition == 27)
        #expect(claim.position.lastSegmentPosition == 41)
    }

    /// The guide's own examples use every loop family (COB, ambulance, DME, drugs, repricing).
    static let guideExamples = [
        "ig-ambulance.edi", "ig-cob-payer-to-payer.edi", "ig-cob-provider-to-payer-a.edi",
        "ig-commercial-health-insurance.edi", "ig-drug-in-office.edi", "ig-encounter.edi",
        "ig-home-infusion-ndc.edi", "ig-medicare-secondary-cob.edi", "ig-oxygen-dme.edi", "ig-ppo-repriced.edi",
        "realworld-crlf-terminator-bom.txt",
    ]

    @Test(arguments: guideExamples)
    func guideExamplesHaveNoStructureErrors(sample: String) throws {
        let sets = try parse("837p/" + sample)
        #expect(!sets.isEmpty)
        for set in sets {
            #expect(set.structureErrors.isEmpty, "\(set.structureErrors)")
            #expect(!set.claims.isEmpty)
            for claim in set.claims { #expect(!claim.serviceLines.isEmpty) }
        }
    }

    /// The claims array is reserved from the count of CLM tags the envelope pass took; the count
    /// must be the claims the walk finds, line breaks after terminators or not.
    @Test(arguments: guideExamples + [
        "medicaid-5-claims-pipe-repetition.txt", "multiple-functional-groups.txt", "multiple-interchanges-in-one-file.txt",
        "odd-separators-tilde-element-underscore-segment.txt",
    ])
    func claimSegmentsAreCountedBeforeTheWalk(sample: String) throws {
        let source = X12Source(bytes: try Fixtures.sample("837p/" + sample))
        for set in try InterchangeReader.read(source).flatMap(\.groups).flatMap(\.transactionSets) {
            let parsed = ClaimParser().parse(set, interchange: 0, group: 0, transactionSet: 0)
            #expect(set.claimCount == parsed.claims.count)
        }
    }

    @Test func keepsOtherPayerNamesOutOfTheSubscriber() throws {
        let text = String(decoding: try Fixtures.sample("837p/ig-cob-provider-to-payer-a.edi"), as: UTF8.self)
        let claim = try #require(try parse("837p/ig-cob-provider-to-payer-a.edi").first?.claims.first)
        // The 2330A other subscriber and 2330B other payer follow the 2010BA/2010BB ones in the file.
        let memberIDs = text.split(separator: "~").filter { $0.hasPrefix("NM1*IL*") }.map { $0.split(separator: "*").last! }
        #expect(memberIDs == ["111223333", "T55TY666"])
        #expect(claim.subscriber.memberID == "111223333")
        #expect(claim.subscriber.firstName == "JANE")
    }

    @Test func reportsSegmentsOutOfOrder() throws {
        let set = try #require(try parse("837p/neg-segments-out-of-order.txt").first)
        #expect(set.structureErrors.contains { $0.kind == .segmentOutOfSequence && $0.segmentID == "N4" })
        #expect(set.structureErrors.contains { $0.kind == .requiredSegmentMissing && $0.loopID == "2010AA" })
    }

    @Test func reportsUnrecognizedSegment() throws {
        let set = try #require(try parse("837p/neg-bad-segment-identifier.txt").first)
        #expect(set.structureErrors.contains { $0.kind == .unrecognizedSegment })
    }
}

/// Subscriber levels that name the same payer share its box (`ClaimReader.readPayer`): what a
/// later segment of one level's payer loop adds (an address) must stay that level's.
@Suite struct SharedPayerTests {
    /// A file of one claim (with one line) for each of `payerAddresses`, each level's payer loop
    /// ending with its segments; the claims' CLM02 and the lines' SV102 and SV104 as given.
    static func file(payerAddresses: [[String]], claimCharge: String = "100", lineCharge: String = "100", units: String = "1")
        -> [UInt8]
    {
        var body = [
            "ST*837*0001*005010X222A1", "BHT*0019*00*1*20240105*1200*CH", "NM1*41*2*SUBMITTER*****46*S1",
            "PER*IC*A*TE*5555555555", "NM1*40*2*RECEIVER*****46*R1", "HL*1**20*1", "NM1*85*2*CLINIC*****XX*1234567893",
            "N3*1 MAIN ST", "N4*HARTFORD*CT*061031234", "REF*EI*123456789",
        ]
        for (index, address) in payerAddresses.enumerated() {
            body += [
                "HL*\(index + 2)*1*22*0", "SBR*P*18*******CI", "NM1*IL*1*DOE*JOHN****MI*M\(index)", "N3*2 ELM ST",
                "N4*HARTFORD*CT*06103", "DMG*D8*19800101*M", "NM1*PR*2*ACME HEALTH PLAN OF AMERICA*****PI*12345",
            ] + address + [
                "CLM*PCN\(index)*\(claimCharge)***11:B:1*Y*A*Y*Y", "HI*ABK:J209", "LX*1",
                "SV1*HC:99213*\(lineCharge)*UN*\(units)***1",
                "DTP*472*D8*20240102",
            ]
        }
        body.append("SE*\(body.count + 1)*0001")
        let envelope = [
            "ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *240105*1200*^*00501*000000001*0*T*:",
            "GS*HC*SUBMITTER*RECEIVER*20240105*1200*1*X*005010X222A1",
        ]
        return Array((envelope + body + ["GE*1*1", "IEA*1*000000001"]).map { $0 + "~" }.joined().utf8)
    }

    @Test func aPayerAddressStaysWithItsSubscriberLevel() throws {
        let hartford = ["N3*1 PAYER WAY", "N4*HARTFORD*CT*06101"], boston = ["N3*9 OTHER RD", "N4*BOSTON*MA*02101"]
        let source = X12Source(bytes: Self.file(payerAddresses: [hartford, [], boston, [], hartford]))
        let set = try #require(try InterchangeReader.read(source).first?.groups.first?.transactionSets.first)
        let parsed = ClaimParser().parse(set, interchange: 0, group: 0, transactionSet: 0)
        #expect(parsed.structureErrors.isEmpty)
        #expect(parsed.claims.map(\.patientControlNumber) == ["PCN0", "PCN1", "PCN2", "PCN3", "PCN4"])
        #expect(parsed.claims.allSatisfy { $0.payer.name == "ACME HEALTH PLAN OF AMERICA" && $0.payer.identifier == "12345" })
        #expect(parsed.claims.map { $0.payer.address?.line1 } == ["1 PAYER WAY", nil, "9 OTHER RD", nil, "1 PAYER WAY"])
        #expect(parsed.claims.map { $0.payer.address?.city } == ["HARTFORD", nil, "BOSTON", nil, "HARTFORD"])
    }
}

/// Amounts whose text is not a valid amount are read as zero and flagged (the AMT edits report
/// the flags); a valid zero is not flagged.
@Suite struct AmountDefectTests {
    static func claim(claimCharge: String = "100", lineCharge: String = "100", units: String = "1") throws -> Claim {
        let source = X12Source(
            bytes: SharedPayerTests.file(payerAddresses: [[]], claimCharge: claimCharge, lineCharge: lineCharge, units: units))
        let set = try #require(try InterchangeReader.read(source).first?.groups.first?.transactionSets.first)
        return try #require(ClaimParser().parse(set, interchange: 0, group: 0, transactionSet: 0).claims.first)
    }

    @Test func validAmountsAreReadUnflagged() throws {
        let claim = try Self.claim(claimCharge: "100.5", lineCharge: "0", units: "1.5")
        #expect(claim.totalCharge == Amount(cents: 10_050))
        #expect(claim.amountDefects.isEmpty)
        #expect(claim.serviceLines[0].charge == .zero)
        #expect(claim.serviceLines[0].amountDefects.isEmpty)
    }

    @Test func aMalformedClaimChargeIsFlaggedOnTheClaim() throws {
        let claim = try Self.claim(claimCharge: "12.3.4")
        #expect(claim.totalCharge == .zero)
        #expect(claim.amountDefects == .claimCharge)
        #expect(claim.serviceLines[0].amountDefects.isEmpty)
    }

    @Test func aMalformedLineChargeIsFlaggedOnTheLine() throws {
        let claim = try Self.claim(lineCharge: "1O0")
        #expect(claim.serviceLines[0].charge == .zero)
        #expect(claim.serviceLines[0].amountDefects == .lineCharge)
        #expect(claim.amountDefects.isEmpty)
    }

    @Test func unitsWithMoreThanThreeDecimalsAreFlagged() throws {
        let claim = try Self.claim(units: "1.2345")
        #expect(claim.serviceLines[0].amountDefects == .units)
    }
}
