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
