import ClaimsCore
import ClaimsPipeline
import ClaimsSynthetic
import ClaimsTestSupport
import Foundation
import Testing
import X12
import X12Acknowledgments

/// 10,000 generated claims, 3% of them broken in three different ways: the 277CA rejects exactly
/// those claims, accepts every other one, and its totals add up; pyx12 accepts the 999 and 277CA.
@Suite struct InjectedErrorsTests {
    enum Injection: CaseIterable {
        /// CLM02 no longer equals the sum of the lines (business edit CLM-004, 277CA A7:400).
        case unbalancedCharge
        /// A segment that is not part of an 837P, inside the claim (999 IK3 6, 277CA A3:684).
        case foreignSegment
        /// A second principal diagnosis HI (999 IK3 5, 277CA A3:684).
        case repeatedDiagnosis
    }

    static let claims = 10_000

    /// Every 33rd claim (3%), cycling through the three kinds.
    static func injection(forClaim index: Int) -> Injection? {
        index % 33 == 5 ? Injection.allCases[(index / 33) % Injection.allCases.count] : nil
    }

    static func injectedFile() throws -> (bytes: [UInt8], broken: [String: Injection]) {
        var options = SyntheticFileOptions(claims: claims, seed: 2026)
        options.claimsPerTransactionSet = 2_500
        let text = String(decoding: try SyntheticClaimFile(options).bytes(), as: UTF8.self)
        var output: [String] = []
        var broken: [String: Injection] = [:]
        var claimIndex = -1
        var current: Injection?
        var stStart = 0
        for segment in text.split(separator: "~", omittingEmptySubsequences: true).map(String.init) {
            var lines = [segment]
            if segment.hasPrefix("ST*") { stStart = output.count }
            if segment.hasPrefix("CLM*") {
                claimIndex += 1
                current = injection(forClaim: claimIndex)
                let fields = segment.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
                if let current { broken[fields[1]] = current }
                switch current {
                case .unbalancedCharge:
                    var changed = fields
                    changed[2] = (Amount(fields[2])! + Amount(cents: 100)).description
                    lines = [changed.joined(separator: "*")]
                case .foreignSegment: lines.append("BPR*I*1*C*CHK")
                default: break
                }
            }
            if segment.hasPrefix("HI*"), current == .repeatedDiagnosis { lines.append(segment) }
            if segment.hasPrefix("SE*") {
                let control = segment.split(separator: "*")[2]
                lines = ["SE*\(output.count - stStart + 1)*\(control)"]
            }
            output += lines
        }
        return (Array((output.joined(separator: "~") + "~").utf8), broken)
    }

    @Test func claimAcknowledgmentRejectsExactlyTheBrokenClaims() async throws {
        let (bytes, broken) = try Self.injectedFile()
        #expect(broken.count == 303)
        let partner = PartnerConfiguration(id: "demo", senderIDs: [.init(qualifier: "ZZ", id: "DEMOSUBMITTER")])
        let today = CalendarDate(year: 2026, month: 11, day: 30)!
        let assessment = try FileAssessor(identity: GatewayIdentity()).assess(
            X12Source(bytes: bytes), partner: partner, receivedDate: today)
        let planner = AcknowledgmentPlanner(
            identity: GatewayIdentity(), partner: partner,
            receivedAt: AcknowledgmentTimestamp(date: today, hour: 9, minute: 30), fileID: 1)
        var next = 0
        let files = await AcknowledgmentPlanner.assemble(planner.plan(assessment)) {
            next += 1
            return next
        }
        let ack999 = try #require(files.first { $0.kind == .implementation })
        let ack277 = try #require(files.first { $0.kind == .claim })

        let statuses = Self.claimStatuses(ack277.bytes)
        #expect(statuses.count == Self.claims)
        let rejected = Set(statuses.filter { $0.value.hasPrefix("A3") || $0.value.hasPrefix("A7") }.keys)
        #expect(rejected == Set(broken.keys))
        for (pcn, kind) in broken {
            #expect(statuses[pcn] == (kind == .unbalancedCharge ? "A7:400" : "A3:684"), "claim \(pcn)")
        }
        #expect(statuses.values.filter { $0 == "A2:20" }.count == Self.claims - broken.count)

        let outcomes = assessment.claimOutcomes
        let accepted = outcomes.filter(\.accepted).map(\.claim.totalCharge).reduce(Amount.zero, +)
        let refused = outcomes.filter { !$0.accepted }.map(\.claim.totalCharge).reduce(Amount.zero, +)
        let totals = Self.receiverTotals(ack277.bytes)
        #expect(totals["QTY*90"] == Int64(Self.claims - broken.count))
        #expect(totals["QTY*AA"] == Int64(broken.count))
        #expect(totals["AMT*YU"] == accepted.cents)
        #expect(totals["AMT*YY"] == refused.cents)

        for file in [ack999, ack277] {
            let verdict = try Pyx12.validate(bytes: file.bytes)
            #expect(verdict.isValid, "\(file.kind): \(verdict.errors.prefix(3))")
        }
    }

    /// STC01 of each claim-level status in a 277CA, by TRN02 (the patient control number).
    static func claimStatuses(_ bytes: [UInt8]) -> [String: String] {
        var statuses: [String: String] = [:]
        var patientLevel = false
        var pcn: String?
        for segment in String(decoding: bytes, as: UTF8.self).split(separator: "~") {
            let fields = segment.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "*", omittingEmptySubsequences: false)
            switch fields.first {
            case "HL": patientLevel = fields.count > 3 && fields[3] == "PT"
            case "TRN" where patientLevel: pcn = String(fields[2])
            case "STC" where patientLevel:
                if let pcn, statuses[pcn] == nil { statuses[pcn] = String(fields[1]) }
            default: break
            }
        }
        return statuses
    }

    /// Sums over every 2200B (information receiver) of QTY*90/AA (claims) and AMT*YU/YY (cents).
    static func receiverTotals(_ bytes: [UInt8]) -> [String: Int64] {
        var totals: [String: Int64] = [:]
        var receiverLevel = false
        for segment in String(decoding: bytes, as: UTF8.self).split(separator: "~") {
            let fields = segment.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "*").map(String.init)
            if fields.first == "HL" { receiverLevel = fields.count > 3 && fields[3] == "21" }
            guard receiverLevel, fields.count >= 3, ["QTY", "AMT"].contains(fields[0]) else { continue }
            let value = fields[0] == "QTY" ? Int64(fields[2])! : Amount(fields[2])!.cents
            totals["\(fields[0])*\(fields[1])", default: 0] += value
        }
        return totals
    }
}
