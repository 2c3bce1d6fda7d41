import ClaimsCore
import ClaimsSynthetic
import ClaimsTestSupport
import Foundation
import Testing
import X12

/// Both generators' files read back through the real parser with no structure errors, every
/// claim found and balanced.
@Suite struct ParserRoundTripTests {
    func parse(_ bytes: [UInt8]) throws -> [ParsedTransactionSet] {
        let interchanges = try InterchangeReader.read(X12Source(bytes: bytes))
        #expect(interchanges.allSatisfy { $0.issues.isEmpty })
        return interchanges.flatMap(\.groups).enumerated().flatMap { groupIndex, group in
            group.transactionSets.enumerated().map { setIndex, set in
                #expect(set.issues.isEmpty)
                return ClaimParser().parse(set, interchange: 0, group: groupIndex, transactionSet: setIndex)
            }
        }
    }

    @Test(arguments: [1, 250, 4_500])
    func syntheticFilesParseCleanly(claims: Int) throws {
        var options = SyntheticFileOptions(claims: claims, seed: UInt64(claims))
        options.claimsPerTransactionSet = 1_000
        let sets = try parse(try SyntheticClaimFile(options).bytes())
        #expect(sets.allSatisfy { $0.structureErrors.isEmpty })
        let parsed = sets.flatMap(\.claims)
        #expect(parsed.count == claims)
        #expect(Set(parsed.map(\.patientControlNumber)).count == claims)
        for claim in parsed {
            #expect(claim.totalCharge == claim.serviceLines.reduce(Amount.zero) { $0 + $1.charge })
            #expect(claim.billingProvider.npi.map(NPI.isValid) == true)
            #expect(claim.serviceLines.allSatisfy { $0.serviceDateFrom != nil })
        }
    }

    @Test func independentFixtureParsesCleanly() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("fixture.x12")
        try IndependentFixture.write(claims: 300, to: url)
        let sets = try parse([UInt8](try Data(contentsOf: url)))
        #expect(sets.count == 3)
        #expect(sets.allSatisfy { $0.structureErrors.isEmpty })
        #expect(sets.flatMap(\.claims).count == 300)
        #expect(sets.flatMap(\.claims).contains { $0.patient != nil })
    }
}
