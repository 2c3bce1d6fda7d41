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

    @Test func fileMixesSelfAndDependentPatients() {
        let claims = (0..<500).map(generator.claim(at:))
        #expect(claims.contains { $0.patient != nil })
        #expect(claims.contains { $0.patient == nil })
        #expect(claims.contains { $0.frequencyCode == "7" })
        #expect(Set(claims.map(\.billingProvider.npi)).count > 3)
    }
}
