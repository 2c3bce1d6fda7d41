import ClaimsCore
import ClaimsPipeline
import Foundation
import X12
import X12Validation

/// A guide-valid 837P (two billing-provider claims: one where the patient is the subscriber, one
/// for a dependent) and the edit ids claimsgate reports on it or on a mutation of it.
enum EditHarness {
    static let base: [String] = [
        "ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*CLAIMSGATE     *260115*1200*^*00501*000000001*0*T*:",
        "GS*HC*SUBMITTER01*CLAIMSGATE*20260115*1200*1*X*005010X222A1",
        "ST*837*0001*005010X222A1",
        "BHT*0019*00*BATCH1*20260115*1200*CH",
        "NM1*41*2*BILLING SERVICE*****46*SUBMITTER01",
        "PER*IC*EDI DESK*TE*5555550100",
        "NM1*40*2*CLAIMSGATE*****46*CLAIMSGATE",
        "HL*1**20*1",
        "PRV*BI*PXC*207Q00000X",
        "NM1*85*2*EXAMPLE CLINIC*****XX*1234567893",
        "N3*100 MAIN ST",
        "N4*SPRINGFIELD*IL*627011234",
        "REF*EI*123456789",
        "HL*2*1*22*0",
        "SBR*P*18*GRP1******CI",
        "NM1*IL*1*DOE*JOHN****MI*MEMBER001",
        "N3*1 ELM ST",
        "N4*SPRINGFIELD*IL*62701",
        "DMG*D8*19800101*M",
        "NM1*PR*2*EXAMPLE PAYER*****PI*PAYER01",
        "CLM*PCN001*150***11:B:1*Y*A*Y*Y",
        "HI*ABK:J069*ABF:R05",
        "LX*1",
        "SV1*HC:99213*100*UN*1***1:2",
        "DTP*472*D8*20260110",
        "LX*2",
        "SV1*HC:87880*50*UN*1***1",
        "DTP*472*D8*20260110",
        "HL*3*1*22*1",
        "SBR*P**GRP2******CI",
        "NM1*IL*1*ROE*MARY****MI*MEMBER002",
        "NM1*PR*2*EXAMPLE PAYER*****PI*PAYER01",
        "HL*4*3*23*0",
        "PAT*19",
        "NM1*QC*1*ROE*ANNA",
        "N3*2 OAK ST",
        "N4*SPRINGFIELD*IL*62702",
        "DMG*D8*20100505*F",
        "CLM*PCN002*80***11:B:1*Y*A*Y*Y",
        "HI*ABK:J029",
        "LX*1",
        "SV1*HC:99212*80*UN*1***1",
        "DTP*472*D8*20260111",
        "SE*42*0001",
        "GE*1*1",
        "IEA*1*000000001",
    ]

    /// A coordination-of-benefits block (2320/2330A/2330B) for mutations that need one.
    static let otherPayer = [
        "SBR*S*01*GRP9******CI", "OI***Y***Y", "NM1*IL*1*DOE*JANE****MI*M9", "NM1*PR*2*OTHER PAYER*****PI*P2",
    ]

    static func text(_ segments: [String]) -> String { segments.map { $0 + "~" }.joined() }

    /// Applies `mutation` to the base file; SE01 is recounted unless the mutation is about it.
    static func bytes(_ mutation: Mutation?) -> [UInt8] {
        var segments = base
        mutation?.edit(&segments)
        if mutation?.recount ?? true,
            let st = segments.firstIndex(where: { $0.hasPrefix("ST*") }),
            let se = segments.firstIndex(where: { $0.hasPrefix("SE*") })
        {
            var fields = segments[se].split(separator: "*", omittingEmptySubsequences: false).map(String.init)
            fields[1] = String(se - st + 1)
            segments[se] = fields.joined(separator: "*")
        }
        return Array((mutation?.text(text(segments)) ?? text(segments)).utf8)
    }

    static let identity = GatewayIdentity(qualifier: "ZZ", id: "CLAIMSGATE")
    static let partner = PartnerConfiguration(id: "test", senderIDs: [.init(qualifier: "ZZ", id: "SUBMITTER01")])

    /// The gateway's assessment of `bytes` (nil when there is no readable ISA).
    static func assessment(_ bytes: [UInt8], checksRouting: Bool = false) -> FileAssessment? {
        try? FileAssessor(identity: identity, checksRouting: checksRouting)
            .assess(X12Source(bytes: bytes), partner: partner, receivedDate: CalendarDate(year: 2026, month: 1, day: 15)!)
    }

    /// Every edit id claimsgate reports on `bytes`, element-level ids included.
    static func editIDs(_ bytes: [UInt8], resent: Bool = false) -> Set<String> {
        var assessment: FileAssessment
        do {
            assessment = try FileAssessor(identity: identity, checksRouting: true)
                .assess(X12Source(bytes: bytes), partner: partner, receivedDate: CalendarDate(year: 2026, month: 1, day: 15)!)
        } catch {
            return [error.editID]
        }
        if resent { assessment.rejectRepeated { _ in true } }
        var ids: Set<String> = []
        for interchange in assessment.interchanges {
            ids.formUnion(interchange.issues.map(\.editID))
            for group in interchange.groups {
                ids.formUnion(group.group.issues.map(\.editID))
                for set in group.transactionSets {
                    ids.formUnion(set.set.issues.map(\.editID))
                    for finding in set.verdict.findings {
                        ids.insert(finding.editID)
                        ids.formUnion(finding.elements.compactMap(\.editID))
                    }
                }
            }
        }
        return ids
    }
}

/// A change to the base file that should make one edit fire.
struct Mutation: Sendable {
    let edit: @Sendable (inout [String]) -> Void
    var recount = true
    var text: @Sendable (String) -> String = { $0 }
    /// Whether the gateway has already received this interchange (its register says so).
    var resent = false

    /// Index of the `occurrence`-th segment starting with `prefix`.
    static func index(_ prefix: String, _ occurrence: Int, in segments: [String]) -> Int {
        segments.indices.filter { segments[$0].hasPrefix(prefix) }[occurrence - 1]
    }

    /// Sets element `position` (and optionally one component) of a segment.
    static func set(_ prefix: String, _ position: Int, _ value: String, occurrence: Int = 1, recount: Bool = true) -> Mutation {
        Mutation(
            edit: { segments in
                let index = Self.index(prefix, occurrence, in: segments)
                var fields = segments[index].split(separator: "*", omittingEmptySubsequences: false).map(String.init)
                while fields.count <= position { fields.append("") }
                fields[position] = value
                while fields.count > 1, fields.last == "" { fields.removeLast() }
                segments[index] = fields.joined(separator: "*")
            }, recount: recount)
    }

    static func remove(_ prefix: String, occurrence: Int = 1) -> Mutation {
        Mutation(edit: { segments in segments.remove(at: Self.index(prefix, occurrence, in: segments)) })
    }

    static func insert(after prefix: String, occurrence: Int = 1, _ added: [String]) -> Mutation {
        Mutation(edit: { segments in segments.insert(contentsOf: added, at: Self.index(prefix, occurrence, in: segments) + 1) })
    }

    static func custom(recount: Bool = true, _ edit: @escaping @Sendable (inout [String]) -> Void) -> Mutation {
        Mutation(edit: edit, recount: recount)
    }

    static let resentInterchange = Mutation(edit: { _ in }, resent: true)

    static func rawText(_ transform: @escaping @Sendable (String) -> String) -> Mutation {
        Mutation(edit: { _ in }, text: transform)
    }
}
