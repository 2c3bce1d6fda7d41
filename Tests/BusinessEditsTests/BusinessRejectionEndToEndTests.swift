import ClaimsCore
import ClaimsPipeline
import ClaimsSynthetic
import ClaimsTestSupport
import Foundation
import Testing
import X12
import X12Acknowledgments

/// A synthetic file with business errors injected into three claims: the 277CA rejects exactly
/// those claims, each with the STC composite of the edit that fired, and pyx12 accepts the 277CA.
@Suite struct BusinessRejectionEndToEndTests {
    static let referenceDate = CalendarDate(year: 2025, month: 12, day: 1)!
    static let identity = GatewayIdentity(qualifier: "ZZ", id: "CLAIMSGATE")

    /// CLM01 suffix → (segment edit, expected STC01 composite).
    static let injected: [(claim: Int, composite: String)] = [(3, "A7:400"), (7, "A7:477"), (12, "A7:187")]

    static func file() throws -> [UInt8] {
        var options = SyntheticFileOptions(claims: 20, seed: 11)
        options.referenceDate = referenceDate
        let text = String(decoding: try SyntheticClaimFile(options).bytes(), as: UTF8.self)
        var segments = text.split(separator: "~", omittingEmptySubsequences: false).map(String.init)
        func claimStart(_ number: Int) -> Int {
            segments.firstIndex { $0.hasPrefix("CLM*") && $0.split(separator: "*")[1].hasSuffix(String(zeroPadded(number))) }!
        }
        // Claim 3: CLM02 one dollar off the line total (CLM-004).
        let third = claimStart(3)
        var clm = segments[third].split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        clm[2] = (Amount(clm[2])! + Amount(cents: 100)).description
        segments[third] = clm.joined(separator: "*")
        // Claim 7: first line points at a ninth diagnosis the claim does not have (SVC-013).
        let seventh = segments[claimStart(7)...].firstIndex { $0.hasPrefix("SV1*") }!
        var sv1 = segments[seventh].split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        sv1[7] = "9"
        segments[seventh] = sv1.joined(separator: "*")
        // Claim 12: first service date after the receipt date (SVC-019).
        let twelfth = segments[claimStart(12)...].firstIndex { $0.hasPrefix("DTP*472*D8*") }!
        segments[twelfth] = "DTP*472*D8*20251215"
        return Array(segments.joined(separator: "~").utf8)
    }

    static func zeroPadded(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    @Test func injectedErrorsRejectExactlyThoseClaims() async throws {
        let partner = PartnerConfiguration.anySender
        let assessment = try FileAssessor(identity: Self.identity, checksRouting: false)
            .assess(X12Source(bytes: try Self.file()), partner: partner, receivedDate: Self.referenceDate)
        let planner = AcknowledgmentPlanner(
            identity: Self.identity, partner: partner,
            receivedAt: AcknowledgmentTimestamp(date: Self.referenceDate, hour: 9, minute: 0), fileID: 7)
        var next = 0
        let files = await AcknowledgmentPlanner.assemble(planner.plan(assessment)) {
            next += 1
            return next
        }
        let claimAck = try #require(files.first { $0.kind == .claim })
        let text = String(decoding: claimAck.bytes, as: UTF8.self)
        let segments = text.split(separator: "~").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var statuses: [String: String] = [:]
        // 2200D: the patient's NM1*QC, then TRN*2*<CLM01>, then the claim's STC.
        for (index, segment) in segments.enumerated()
        where segment.hasPrefix("TRN*2*") && index > 0 && segments[index - 1].hasPrefix("NM1*QC") {
            let clm01 = String(segment.dropFirst("TRN*2*".count))
            if segments[index + 1].hasPrefix("STC*") { statuses[clm01] = segments[index + 1] }
        }
        let rejected = statuses.filter { $0.value.contains("**U*") || $0.value.split(separator: "*")[3] == "U" }
        #expect(statuses.count == 20)
        #expect(rejected.count == Self.injected.count)
        for (claim, composite) in Self.injected {
            let status = try #require(statuses.first { $0.key.hasSuffix(Self.zeroPadded(claim)) }?.value)
            #expect(status.hasPrefix("STC*\(composite)"), "claim \(claim): \(status)")
        }
        #expect(statuses.values.filter { $0.hasPrefix("STC*A2:20") }.count == 20 - Self.injected.count)
        #expect(try Pyx12.validate(bytes: claimAck.bytes).isValid)
    }
}
