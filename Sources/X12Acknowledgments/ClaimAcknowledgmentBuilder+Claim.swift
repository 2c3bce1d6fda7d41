import ClaimsCore
import X12

extension ClaimAcknowledgmentBuilder.Output {
    /// 2000D: one claim, named by its patient and CLM01, with its status, REF*1K and service dates.
    ///
    /// The claim's fields are read where they are used: bound to a local or passed on whole, the
    /// claim would be copied, with all its strings, for every claim answered.
    mutating func writeClaim(_ decision: ClaimDecision, receivedDate: CalendarDate, parent: Int) {
        _ = openLevel(parent: parent, code: "PT", hasChildren: nil)
        let patient = decision.claim.patient ?? decision.claim.subscriber
        x12.segment(
            "NM1", "QC", "1", X12Text.sanitized(patient.lastName), X12Text.sanitized(patient.firstName ?? ""),
            "", "", "", "MI", identifier(decision.claim.subscriber.memberID ?? ""))
        x12.segment("TRN", "2", identifier(decision.claim.patientControlNumber))
        let charge = decision.claim.totalCharge.description
        switch decision.outcome {
        case .accepted(let payerClaimControlNumber):
            x12.segment("STC", x12.composite("A2", "20"), processDate, "WQ", charge)
            x12.segment("REF", "1K", identifier(payerClaimControlNumber))
        case .pended:
            x12.segment("STC", x12.composite("A1", "19", source.claimReceiptEntity), processDate, "WQ", charge)
        case .rejected(let statuses):
            writeRejection(statuses.isEmpty ? [.unspecifiedRejection] : statuses, charge: charge)
        }
        writeServiceDates(decision.claim.serviceDateRange, receivedDate: receivedDate)
        if decision.outcome.isRejected {
            for line in decision.lineStatuses where !line.statuses.isEmpty {
                guard let service = decision.claim.serviceLines.first(where: { $0.lineNumber == line.lineNumber }) else { continue }
                writeLine(service, statuses: line.statuses)
            }
        }
    }

    /// 2220D: the service line (SVC) and its status (one STC, up to three statuses, action `U`).
    private mutating func writeLine(_ line: ServiceLine, statuses: [ClaimStatus]) {
        let procedure = [line.procedureQualifier.isEmpty ? "HC" : line.procedureQualifier, line.procedureCode]
            + line.modifiers
        x12.segment(
            "SVC", x12.composite(procedure.map(X12Text.sanitized)), line.charge.description, "", "", "", "",
            line.units > 0 ? Self.units(line.units) : "")
        let composites = statuses.prefix(3).map { x12.composite($0.category, $0.code, $0.entity ?? "") }
        x12.segment("STC", [composites[0], processDate, "U", "", "", "", "", "", ""] + composites.dropFirst())
        if let date = line.serviceDateFrom {
            if let last = line.serviceDateTo, last != date {
                x12.segment("DTP", "472", "RD8", date.x12 + "-" + last.x12)
            } else {
                x12.segment("DTP", "472", "D8", date.x12)
            }
        }
    }

    /// SVC07 units: whole numbers without a decimal point.
    static func units(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
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
