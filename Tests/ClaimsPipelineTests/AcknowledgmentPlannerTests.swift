import ClaimsCore
import ClaimsPipeline
import ClaimsTestSupport
import Foundation
import Testing
import X12
import X12Acknowledgments
import X12Validation

/// What answers a file, decided without I/O: TA1 for envelopes, 999 per set, 277CA per claim.
@Suite struct AcknowledgmentPlannerTests {
    static let identity = GatewayIdentity(qualifier: "ZZ", id: "123456789012346")
    static let partner = PartnerConfiguration(
        id: "p", senderIDs: [.init(qualifier: "ZZ", id: "123456789012345")], positive999: true)
    static let receivedAt = AcknowledgmentTimestamp(date: CalendarDate(year: 2026, month: 11, day: 30)!, hour: 10, minute: 15)

    /// The guide's commercial example with its single claim repeated `claims` times in one set.
    /// Its illustrative billing NPI (bad check digit), taxonomy (not ending in X) and 5-digit
    /// billing ZIP are made real, so that the claims pass the business edits too.
    static func sample(claims: Int = 3, edit: (String) -> String = { $0 }) throws -> [UInt8] {
        let text = String(decoding: try Fixtures.sample("837p/ig-commercial-health-insurance.edi"), as: UTF8.self)
            .replacingOccurrences(of: "XX*9876543210", with: "XX*1234567893")
            .replacingOccurrences(of: "N4*MIAMI*FL*33111", with: "N4*MIAMI*FL*331111234")
            .replacingOccurrences(of: "PXC*203BF0100Y", with: "PXC*207Q00000X")
        let segments = text.split(separator: "~").map(String.init)
        let claimStart = segments.firstIndex { $0.hasPrefix("CLM*") }!
        let trailer = segments.firstIndex { $0.hasPrefix("SE*") }!
        var body = Array(segments[..<claimStart])
        for index in 0..<claims {
            body += segments[claimStart..<trailer].map {
                $0.hasPrefix("CLM*26463774") ? $0.replacingOccurrences(of: "26463774", with: "PCN\(index + 1)") : $0
            }
        }
        let stIndex = body.firstIndex { $0.hasPrefix("ST*") }!
        body.append("SE*\(body.count - stIndex + 1)*0021")
        body += segments[(trailer + 1)...].filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return Array(edit(body.joined(separator: "~") + "~").utf8)
    }

    func plan(_ bytes: [UInt8], partner: PartnerConfiguration = partner) async throws -> (FileAssessment, [AssembledAcknowledgment]) {
        let assessment = try FileAssessor(identity: Self.identity).assess(X12Source(bytes: bytes), partner: partner, receivedDate: Self.receivedAt.date)
        let planner = AcknowledgmentPlanner(identity: Self.identity, partner: partner, receivedAt: Self.receivedAt, fileID: 42)
        var next = 100
        let files = await AcknowledgmentPlanner.assemble(planner.plan(assessment)) {
            next += 1
            return next
        }
        return (assessment, files)
    }

    static func text(_ file: AssembledAcknowledgment?) -> String { String(decoding: file?.bytes ?? [], as: UTF8.self) }

    @Test func cleanFileGetsPositive999And277CA() async throws {
        let (assessment, files) = try await plan(Self.sample())
        #expect(files.map(\.kind) == [.implementation, .claim])
        #expect(assessment.claimOutcomes.map(\.accepted) == [true, true, true])
        let ack277 = Self.text(files.last)
        #expect(ack277.components(separatedBy: "STC*A2:20").count - 1 == 3)
        #expect(ack277.contains("REF*1K*CG42-1~"))
        for file in files { #expect(try Pyx12.validate(bytes: file.bytes).isValid) }
    }

    @Test func negativeOnlyPartnerGetsNo999ForACleanFile() async throws {
        var partner = Self.partner
        partner.positive999 = false
        let (_, files) = try await plan(Self.sample(), partner: partner)
        #expect(files.map(\.kind) == [.claim])
    }

    @Test func unknownSenderIsRejectedByTA1Only() async throws {
        var partner = Self.partner
        partner.senderIDs = [.init(qualifier: "ZZ", id: "SOMEONEELSE")]
        let (assessment, files) = try await plan(Self.sample(), partner: partner)
        #expect(files.map(\.kind) == [.ta1])
        #expect(Self.text(files.first).contains("*R*006~"))
        #expect(assessment.claimOutcomes.isEmpty)
    }

    @Test func requestedTA1IsPositive() async throws {
        let (_, files) = try await plan(Self.sample { $0.replacingOccurrences(of: "*000010216*0*T*", with: "*000010216*1*T*") })
        #expect(files.map(\.kind) == [.ta1, .implementation, .claim])
        #expect(Self.text(files.first).contains("TA1*000010216*061015*1705*A*000~"))
    }

    /// An unexpected segment inside the second claim rejects that claim only (claim-level), or
    /// the whole set (strict).
    @Test(arguments: [RejectionPolicy.claimLevel, .strict])
    func structureErrorInsideOneClaim(policy: RejectionPolicy) async throws {
        var partner = Self.partner
        partner.validation.policy = policy
        let bytes = try Self.sample { text in
            var claims = 0
            return text.split(separator: "~").map { segment in
                if segment.hasPrefix("CLM*") { claims += 1 }
                return claims == 2 && segment.hasPrefix("LX*2") ? "LX*2~BPR*X" : String(segment)
            }.joined(separator: "~").replacingOccurrences(of: "SE*", with: "SE*").replacingOccurrences(of: "~~", with: "~")
        }
        let fixed = Self.fixingSegmentCount(bytes)
        let (assessment, files) = try await plan(fixed, partner: partner)
        let ack999 = Self.text(files.first { $0.kind == .implementation })
        #expect(ack999.contains("IK3*BPR*"))
        #expect(try Pyx12.validate(bytes: Array(ack999.utf8)).isValid)
        switch policy {
        case .claimLevel:
            #expect(ack999.contains("CTX*CLM01:PCN2~"))
            #expect(ack999.contains("IK5*E*"))
            #expect(assessment.claimOutcomes.map(\.accepted) == [true, false, true])
            let ack277 = Self.text(files.first { $0.kind == .claim })
            #expect(ack277.contains("STC*A3:684"))
            #expect(try Pyx12.validate(bytes: Array(ack277.utf8)).isValid)
        case .strict:
            #expect(ack999.contains("IK5*R*"))
            #expect(assessment.claimOutcomes.isEmpty)
            #expect(!files.contains { $0.kind == .claim })
        }
    }

    /// Recomputes SE01 after an edit added segments.
    static func fixingSegmentCount(_ bytes: [UInt8]) -> [UInt8] {
        var segments = String(decoding: bytes, as: UTF8.self).split(separator: "~").map(String.init)
        let st = segments.firstIndex { $0.hasPrefix("ST*") }!
        let se = segments.firstIndex { $0.hasPrefix("SE*") }!
        segments[se] = "SE*\(se - st + 1)*0021"
        return Array((segments.joined(separator: "~") + "~").utf8)
    }
}
