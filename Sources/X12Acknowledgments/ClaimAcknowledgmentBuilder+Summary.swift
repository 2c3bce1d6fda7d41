import ClaimsCore
import X12

extension ClaimAcknowledgmentBuilder.Output {
    /// 2000B: the submitter, with the totals of the whole 837 transaction set.
    mutating func writeReceiver(_ report: ClaimAcknowledgmentReport, parent: Int) {
        let level = openLevel(parent: parent, code: "21", hasChildren: !report.decisions.isEmpty)
        let submitter = report.header.submitter
        x12.segment(
            "NM1", "41", submitter.entityType, X12Text.sanitized(submitter.name),
            X12Text.sanitized(submitter.firstName ?? ""), "", "", "", "46", identifier(submitter.identifier))
        x12.segment("TRN", "2", identifier(report.header.batchReference))
        let totals = ClaimTotals(report.decisions)
        x12.segment(
            "STC", x12.composite("A1", "19", source.receiptEntity), processDate, totals.actionCode,
            totals.totalAmount.description)
        totals.write(acceptedQuantity: "90", rejectedQuantity: "AA", to: &x12)
        for decisions in Self.groupedByBillingProvider(report.decisions) {
            writeBillingProvider(decisions, receivedDate: report.receivedDate, parent: level)
        }
    }

    /// 2000C: one billing provider (NPI, or tax id without one) with its totals, then its claims.
    /// STC02 is not used at this level.
    mutating func writeBillingProvider(_ decisions: [ClaimDecision], receivedDate: CalendarDate, parent: Int) {
        let level = openLevel(parent: parent, code: "19", hasChildren: true)
        let provider = decisions[0].claim.billingProvider
        let (qualifier, id) = if let npi = provider.npi { ("XX", npi) } else { ("FI", provider.taxID ?? "") }
        x12.segment(
            "NM1", "85", provider.entityType, X12Text.sanitized(provider.lastOrOrganizationName),
            X12Text.sanitized(provider.firstName ?? ""), "", "", "", qualifier, identifier(id))
        x12.segment("TRN", "1", "0")
        let totals = ClaimTotals(decisions)
        x12.segment(
            "STC", x12.composite("A1", "19", source.receiptEntity), "", totals.actionCode,
            totals.totalAmount.description)
        totals.write(acceptedQuantity: "QA", rejectedQuantity: "QC", to: &x12)
        for decision in decisions {
            writeClaim(decision, receivedDate: receivedDate, parent: level)
        }
    }

    /// Claims by their 837 2000A billing provider loop, providers in order of first appearance.
    static func groupedByBillingProvider(_ decisions: [ClaimDecision]) -> [[ClaimDecision]] {
        var order: [Int] = []
        var groups: [Int: [ClaimDecision]] = [:]
        for decision in decisions {
            let key = decision.claim.position.billingProviderIndex
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(decision)
        }
        return order.map { groups[$0] ?? [] }
    }
}
