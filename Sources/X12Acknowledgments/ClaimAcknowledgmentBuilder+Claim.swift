import ClaimsCore
import X12

extension ClaimAcknowledgmentBuilder.Output {
    /// 2000D: one claim, named by its patient and CLM01, with its status, REF*1K and service dates.
    mutating func writeClaim(_ decision: ClaimDecision, receivedDate: CalendarDate, parent: Int) {
        let claim = decision.claim
        _ = openLevel(parent: parent, code: "PT", hasChildren: nil)
        let patient = claim.patient ?? claim.subscriber
        x12.segment(
            "NM1", "QC", "1", X12Text.sanitized(patient.lastName), X12Text.sanitized(patient.firstName ?? ""),
            "", "", "", "MI", identifier(claim.subscriber.memberID ?? ""))
        x12.segment("TRN", "2", identifier(claim.patientControlNumber))
        let charge = claim.totalCharge.description
        switch decision.outcome {
        case .accepted(let payerClaimControlNumber):
            x12.segment("STC", x12.composite("A2", "20"), processDate, "WQ", charge)
            x12.segment("REF", "1K", identifier(payerClaimControlNumber))
        case .pended:
            x12.segment("STC", x12.composite("A1", "19", source.claimReceiptEntity), processDate, "WQ", charge)
        case .rejected(let statuses):
            writeRejection(statuses.isEmpty ? [.unspecifiedRejection] : statuses, charge: charge)
        }
        writeServiceDates(claim.serviceDateRange, receivedDate: receivedDate)
    }

    /// STC segments with action `U`, three statuses each (STC01, STC10, STC11).
    private mutating func writeRejection(_ statuses: [ClaimStatus], charge: String) {
        var remaining = statuses[...]
        while !remaining.isEmpty {
            let composites = remaining.prefix(3).map { x12.composite($0.category, $0.code, $0.entity ?? "") }
            remaining = remaining.dropFirst(3)
            x12.segment("STC", [composites[0], processDate, "U", charge, "", "", "", "", ""] + composites.dropFirst())
        }
    }

    /// `DTP*472`: `D8` for one day, `RD8` for a range. A claim without any line date (rejected by
    /// validation) still needs this required segment: it gets the date the 837 was received.
    private mutating func writeServiceDates(_ range: ClosedRange<CalendarDate>?, receivedDate: CalendarDate) {
        guard let range else { return x12.segment("DTP", "472", "D8", receivedDate.x12) }
        if range.lowerBound == range.upperBound {
            x12.segment("DTP", "472", "D8", range.lowerBound.x12)
        } else {
            x12.segment("DTP", "472", "RD8", range.lowerBound.x12 + "-" + range.upperBound.x12)
        }
    }
}
