import ClaimsCore
import X12

/// One ST…SE of generated claims: the header (BHT, 1000A submitter, 1000B receiver), then each
/// billing provider's 2000A loop followed by its claims, in order of first appearance.
struct SyntheticTransactionSet {
    /// ST02 and SE02.
    var controlNumber: String
    /// BHT03, unique per set so that a 277CA can point back at it.
    var referenceID: String
    var senderID: String
    var receiverID: String
    /// BHT04/BHT05.
    var date: CalendarDate
    var time: String
    var claims: [SyntheticClaim]

    func write(into writer: inout X12Writer) {
        writer.segment("ST", "837", controlNumber, "005010X222A1")
        writer.segment("BHT", "0019", "00", referenceID, date.x12, time, "CH")
        writer.segment("NM1", "41", "2", "SYNTHETIC CLAIMS SUBMITTER", "", "", "", "", "46", senderID)
        writer.segment("PER", "IC", "EDI SUPPORT", "TE", "5555550100")
        writer.segment("NM1", "40", "2", "CLAIMSGATE", "", "", "", "", "46", receiverID)

        var hierarchy = 0
        for group in groupedByBillingProvider() {
            hierarchy += 1
            let providerHL = hierarchy
            write(group[0].billingProvider, hierarchy: providerHL, into: &writer)
            for claim in group {
                claim.write(into: &writer, billingProviderHL: providerHL, hierarchy: &hierarchy)
            }
        }
        writer.segment("SE", String(writer.transactionSetSegmentCount + 1), controlNumber)
    }

    /// 2000A and 2010AA.
    private func write(_ provider: SyntheticBillingProvider, hierarchy: Int, into writer: inout X12Writer) {
        writer.segment("HL", String(hierarchy), "", "20", "1")
        writer.segment("PRV", "BI", "PXC", provider.taxonomy)
        writer.segment(
            "NM1", "85", provider.entityType, provider.name, provider.firstName ?? "", "", "", "", "XX", provider.npi)
        writer.segment("N3", [provider.address.street, provider.address.street2 ?? ""])
        writer.segment("N4", provider.address.city, provider.address.state, provider.address.postalCode)
        writer.segment("REF", "EI", provider.employerID)
    }

    /// Claims grouped under their billing provider (by NPI), keeping first-appearance order.
    private func groupedByBillingProvider() -> [[SyntheticClaim]] {
        var groups: [[SyntheticClaim]] = []
        var position: [String: Int] = [:]
        for claim in claims {
            if let index = position[claim.billingProvider.npi] {
                groups[index].append(claim)
            } else {
                position[claim.billingProvider.npi] = groups.count
                groups.append([claim])
            }
        }
        return groups
    }
}
