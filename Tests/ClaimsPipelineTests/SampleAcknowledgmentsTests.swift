import ClaimsCore
import ClaimsPipeline
import ClaimsTestSupport
import Foundation
import Testing
import X12
import X12Acknowledgments

/// Every 999 and 277CA the gateway writes for the public samples passes the independent
/// validator, whatever the sample's own faults (TA1-only answers have nothing pyx12 can check).
@Suite struct SampleAcknowledgmentsTests {
    static let samples = ((try? FileManager.default.contentsOfDirectory(
        atPath: Fixtures.sharedSamples.appendingPathComponent("837p").path)) ?? [])
        .filter { [".edi", ".txt", ".837"].contains(where: $0.hasSuffix) }.sorted()

    @Test(arguments: samples, [ClaimAcknowledgmentGrouping.perInterchange, .perTransactionSet])
    func acknowledgmentsOfSampleAreValid(sample: String, grouping: ClaimAcknowledgmentGrouping) async throws {
        var partner = PartnerConfiguration.anySender
        partner.claimAcknowledgmentGrouping = grouping
        let bytes = try Fixtures.sample("837p/" + sample)
        let today = CalendarDate(year: 2026, month: 11, day: 30)!
        let assessment = try FileAssessor(identity: GatewayIdentity(), checksRouting: false).assess(
            X12Source(bytes: bytes), partner: partner, receivedDate: today)
        let planner = AcknowledgmentPlanner(
            identity: GatewayIdentity(), partner: partner,
            receivedAt: AcknowledgmentTimestamp(date: today, hour: 8, minute: 0), fileID: 3)
        var next = 0
        let files = await AcknowledgmentPlanner.assemble(planner.plan(assessment)) {
            next += 1
            return next
        }
        #expect(!files.isEmpty)
        for file in files where file.kind != .ta1 {
            let verdict = try Pyx12.validate(bytes: file.bytes)
            #expect(verdict.isValid, "\(sample) \(file.kind): \(verdict.errors.prefix(3))")
        }
    }
}
