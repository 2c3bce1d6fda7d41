import ClaimsCore
import ClaimsSynthetic
import ClaimsTestSupport
import Foundation
import Testing

@Suite struct SyntheticClaimFileTests {
    static func file(claims: Int, seed: UInt64 = 42, configure: (inout SyntheticFileOptions) -> Void = { _ in })
        throws -> SyntheticClaimFile
    {
        var options = SyntheticFileOptions(claims: claims, seed: seed)
        configure(&options)
        return try SyntheticClaimFile(options)
    }

    @Test(arguments: [1, 100, 10_000])
    func pyx12AcceptsGeneratedFile(claims: Int) throws {
        let bytes = try Self.file(claims: claims, seed: UInt64(claims)).bytes()
        let verdict = try Pyx12.validate(bytes: bytes, name: "synthetic-\(claims).837")
        #expect(verdict.errors == [])
        #expect(verdict.isValid)
    }

    @Test func sameSeedGivesIdenticalBytes() throws {
        #expect(try Self.file(claims: 300).bytes() == Self.file(claims: 300).bytes())
    }

    @Test func differentSeedGivesDifferentBytes() throws {
        #expect(try Self.file(claims: 300, seed: 1).bytes() != Self.file(claims: 300, seed: 2).bytes())
    }

    @Test func streamedChunksAreTheWholeFileOneSetAtATime() throws {
        let file = try Self.file(claims: 2_500) { $0.claimsPerTransactionSet = 1_000 }
        var chunks: [[UInt8]] = []
        var progress: [Int] = []
        file.write { chunk, written in
            chunks.append(chunk)
            progress.append(written)
        }
        #expect(chunks.count == 3 + 2)
        #expect(progress == [0, 1_000, 2_000, 2_500, 2_500])
        #expect(Array(chunks.joined()) == file.bytes())
    }

    @Test func chargesBalanceAndPointersPointAtSentCodes() throws {
        let file = try Self.file(claims: 3_000)
        let parsed = try GeneratedFile(file.bytes())
        #expect(parsed.claims.count == 3_000)
        for claim in parsed.claims {
            let lines = claim.lineCharges.compactMap { $0 }
            #expect(lines.count == claim.lineCharges.count && (1...6).contains(lines.count))
            #expect(claim.total == lines.reduce(.zero, +), "CLM02 of \(claim.id)")
            #expect((1...12).contains(claim.diagnosisCount))
            #expect(claim.pointers.allSatisfy { (1...claim.diagnosisCount).contains($0) })
        }
    }

    @Test func identifiersAreUniqueAndValid() throws {
        let parsed = try GeneratedFile(Self.file(claims: 5_000, seed: 7).bytes())
        #expect(Set(parsed.claims.map(\.id)).count == parsed.claims.count)
        #expect(parsed.claims.allSatisfy { $0.id.count <= 20 })
        #expect(parsed.transactionSetCount == 3)
        #expect(Set(parsed.bhtReferences).count == 3)
        #expect(!parsed.billingNPIs.isEmpty)
        #expect(parsed.billingNPIs.allSatisfy(NPI.isValid))
    }

    @Test func serviceDatesFallInTheNinetyDaysBeforeTheReferenceDate() throws {
        let reference = try #require(CalendarDate(year: 2025, month: 3, day: 1))
        let parsed = try GeneratedFile(Self.file(claims: 2_000) { $0.referenceDate = reference }.bytes())
        let earliest = try #require(CalendarDate(year: 2024, month: 12, day: 1))
        let dates = parsed.claims.flatMap(\.serviceDates)
        #expect(dates.allSatisfy { $0 != nil && $0! >= earliest && $0! < reference })
    }

    @Test func envelopeCarriesTheOptions() throws {
        let file = try Self.file(claims: 10) {
            $0.senderID = "PARTNER7"
            $0.receiverID = "GATEWAY"
            $0.usageIndicator = .production
            $0.interchangeControlNumber = 1234
        }
        let interchange = try #require(try GeneratedFile(file.bytes()).interchanges.first)
        #expect(interchange.header.senderID == "PARTNER7")
        #expect(interchange.header.senderQualifier == "ZZ")
        #expect(interchange.header.receiverID == "GATEWAY")
        #expect(interchange.header.usageIndicator == "P")
        #expect(interchange.header.controlNumber == "000001234")
        #expect(interchange.issues.isEmpty)
        #expect(
            interchange.groups.allSatisfy { $0.issues.isEmpty && $0.transactionSets.allSatisfy { $0.issues.isEmpty } })
    }

    @Test func invalidOptionsAreRefused() {
        #expect(throws: SyntheticFileOptions.Invalid.claimCount) { try Self.file(claims: 0) }
        #expect(throws: SyntheticFileOptions.Invalid.claimsPerTransactionSet) {
            try Self.file(claims: 10) { $0.claimsPerTransactionSet = 5_001 }
        }
        #expect(throws: SyntheticFileOptions.Invalid.partnerID("A*B")) {
            try Self.file(claims: 10) { $0.senderID = "A*B" }
        }
    }
}
