import ClaimsCore
import X12

extension ClaimAcknowledgmentBuilder.Output {
    /// 2000D: one claim, named by its patient and CLM01, with its status, REF*1K and service dates.
    ///
    /// The claim's fields are read where they are used: bound to a local or passed on whole, the
    /// claim would be copied, with all its strings, for every claim answered.
    ///
    /// Its segments are written element by element (`X12Writer.open`), as one of these is written
    /// for every claim of every file.
    mutating func writeClaim(_ decision: ClaimDecision, receivedDate: CalendarDate, parent: Int) {
        _ = openLevel(parent: parent, code: "PT", hasChildren: nil)
        let patient = decision.claim.patient ?? decision.claim.subscriber
        x12.open("NM1")
        x12.element("QC")
        x12.element("1")
        x12.element(X12Text.sanitized(patient.lastName))
        x12.element(X12Text.sanitized(patient.firstName ?? ""))
        for _ in 0..<3 { x12.element("") }
        x12.element("MI")
        x12.element(identifier(decision.claim.subscriber.memberID ?? ""))
        x12.close()
        x12.open("TRN")
        x12.element("2")
        x12.element(identifier(decision.claim.patientControlNumber))
        x12.close()
        let charge = decision.claim.totalCharge.description
        switch decision.outcome {
        case .accepted(let payerClaimControlNumber):
            writeStatus("A2", "20", "", charge: charge)
            x12.open("REF")
            x12.element("1K")
            x12.element(identifier(payerClaimControlNumber))
            x12.close()
        case .pended:
            writeStatus("A1", "19", source.claimReceiptEntity, charge: charge)
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

    /// `STC` of an accepted or pended claim: its one status, the processing date, action `WQ`.
    private mutating func writeStatus(_ category: String, _ code: String, _ entity: String, charge: String) {
        x12.open("STC")
        x12.element(components: category, code, entity)
        x12.element(processDate)
        x12.element("WQ")
        x12.element(charge)
        x12.close()
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
        let range = range ?? receivedDate...receivedDate
        let isDay = range.lowerBound == range.upperBound
        x12.open("DTP")
        x12.element("472")
        x12.element(isDay ? "D8" : "RD8")
        x12.element(isDay ? range.lowerBound.x12 : range.lowerBound.x12 + "-" + range.upperBound.x12)
        x12.close()
    }
}
