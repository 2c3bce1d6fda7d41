import ClaimsCore
import ClaimsSynthetic
import Testing

@Suite struct ClaimGeneratorTests {
    let generator = ClaimGenerator(seed: 99, referenceDate: CalendarDate(year: 2025, month: 6, day: 30)!)

    @Test func claimDependsOnlyOnSeedAndIndex() {
        let later = generator.claim(at: 500)
        _ = (0..<10).map(generator.claim(at:))
        #expect(generator.claim(at: 500) == later)
    }

    @Test func claimsAreCoherent() {
        for index in 0..<2_000 {
            let claim = generator.claim(at: index)
            #expect(claim.totalCharge.cents > 0)
            #expect(claim.diagnoses.count == Set(claim.diagnoses).count)
            #expect(claim.diagnoses.allSatisfy { !$0.contains(".") })
            #expect((claim.frequencyCode == "7") == (claim.originalReference != nil))
            #expect((claim.patient == nil) == (claim.patientRelationship == nil))
            if claim.payer.isMedicare {
                #expect(claim.patient == nil)
                #expect(claim.memberID.count == 11)
            }
            let birth = (claim.patient ?? claim.subscriber).birthDate
            #expect(claim.serviceLines.allSatisfy { $0.serviceDate > birth })
        }
    }

    /// Shortly after New Year a visit falls late in December and a later line could fall in
    /// January: a claim spanning two years is rejected (SVC-022), and the generator writes clean
    /// claims, so a claim's lines stay in its visit's year.
    @Test func aClaimsServicesStayInOneYear() {
        let january = ClaimGenerator(seed: 7, referenceDate: CalendarDate(year: 2025, month: 1, day: 5)!)
        var spanning = 0, december = 0
        for index in 0..<2_000 {
            let years = Set(january.claim(at: index).serviceLines.map(\.serviceDate.year))
            if years.count > 1 { spanning += 1 }
            if years == [2024] { december += 1 }
        }
        #expect(spanning == 0)
        #expect(december > 0, "some visits fall in December, so the bound is exercised")
    }

    @Test func fileMixesSelfAndDependentPatients() {
        let claims = (0..<500).map(generator.claim(at:))
        #expect(claims.contains { $0.patient != nil })
        #expect(claims.contains { $0.patient == nil })
        #expect(claims.contains { $0.frequencyCode == "7" })
        #expect(Set(claims.map(\.billingProvider.npi)).count > 3)
    }
}
