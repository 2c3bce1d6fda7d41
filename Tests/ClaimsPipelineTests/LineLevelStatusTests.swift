import ClaimsCore
import ClaimsPipeline
import ClaimsSynthetic
import ClaimsTestSupport
import Testing
import X12
import X12Acknowledgments

/// An edit that fires on one service line is reported in that line's 2220D loop (SVC, STC with
/// action U, DTP*472) under the rejected claim, and the 277CA still passes pyx12.
@Suite struct LineLevelStatusTests {
    @Test func zeroUnitsOnTheSecondLineIsReportedOnThatLine() async throws {
        var text = String(decoding: try SyntheticClaimFile(SyntheticFileOptions(claims: 3, seed: 9)).bytes(), as: UTF8.self)
        var lines = 0
        text = text.split(separator: "~", omittingEmptySubsequences: false).map { segment in
            guard segment.hasPrefix("SV1*") else { return String(segment) }
            lines += 1
            guard lines == 2 else { return String(segment) }
            var fields = segment.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
            fields[4] = "0"
            return fields.joined(separator: "*")
        }.joined(separator: "~")
        let today = CalendarDate(year: 2026, month: 11, day: 30)!
        let assessment = try FileAssessor(identity: GatewayIdentity(), checksRouting: false).assess(
            X12Source(text), partner: .anySender, receivedDate: today)
        let planner = AcknowledgmentPlanner(
            identity: GatewayIdentity(), partner: .anySender,
            receivedAt: AcknowledgmentTimestamp(date: today, hour: 7, minute: 0), fileID: 5)
        var next = 0
        let files = await AcknowledgmentPlanner.assemble(planner.plan(assessment)) {
            next += 1
            return next
        }
        let ack = try #require(files.first { $0.kind == .claim })
        let segments = String(decoding: ack.bytes, as: UTF8.self).split(separator: "~")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let service = try #require(segments.firstIndex { $0.hasPrefix("SVC*") })
        #expect(segments.filter { $0.hasPrefix("SVC*") }.count == 1)
        #expect(segments[service + 1].hasPrefix("STC*A7:476*20261130*U"))
        #expect(segments[service + 2].hasPrefix("DTP*472*"))
        #expect(try Pyx12.validate(bytes: ack.bytes).isValid)
    }
}
