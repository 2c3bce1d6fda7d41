import X12
import X12Schema

/// Line data beyond SV1 and DTP*472: references, drug, amounts, line providers and 2430
/// adjudications.
extension ClaimReader {
    mutating func readLineSegment(_ segment: Segment, loop: LoopKey) {
        updateLastLine { line in
            switch (loop, segment.id) {
            case ("2400", "REF"):
                let value = segment[2].value
                switch segment[1].string {
                case "6R": line.details.controlNumber = value
                case "G1": line.details.priorAuthorization = value
                case "X4": line.details.cliaNumber = value
                default: break
                }
            case ("2400", "AMT"):
                if segment[1].equals("T") { line.details.salesTax = Amount(x12: segment[2].bytes) }
                if segment[1].equals("F4") { line.details.postage = Amount(x12: segment[2].bytes) }
            case ("2400", "PS1"):
                line.details.purchasedServiceCharge = Amount(x12: segment[2].bytes)
                if line.details.purchasedServiceCharge == nil { line.amountDefects.insert(.purchasedService) }
            case ("2400", "CR1"):
                line.details.hasAmbulanceTransport = true
            case ("2410", "LIN"):
                line.details.ndcQualifier = segment[2].value
                line.details.ndc = segment[3].value
            case ("2410", "CTP"):
                line.details.drugQuantity = Self.number(segment[4])
                line.details.drugUnit = segment[5].component(1).value
            case ("2430", "SVD"):
                let paid = Amount(x12: segment[2].bytes)
                if paid == nil { line.amountDefects.insert(.linePaid) }
                line.details.adjudications.append(
                    LineAdjudication(
                        payerID: segment[1].string, paidAmount: paid ?? .zero,
                        procedureCode: segment[3].component(2).string, paidUnits: Self.number(segment[5])))
            case ("2430", "CAS") where !line.details.adjudications.isEmpty:
                let index = line.details.adjudications.count - 1
                line.details.adjudications[index].adjustments += Self.adjustments(segment, defects: &line.amountDefects)
            case ("2430", "DTP") where !line.details.adjudications.isEmpty && segment[1].equals("573"):
                let index = line.details.adjudications.count - 1
                line.details.adjudications[index].adjudicationDate = CalendarDate(x12: segment[3].bytes)
            default:
                break
            }
        }
    }

    mutating func readLineProvider(_ segment: Segment, loop: LoopKey) {
        updateLastLine { line in
            func update(_ party: inout ClaimParty?) { party = Self.party(segment, onto: party) }
            switch loop {
            case "2420A": update(&line.details.rendering)
            case "2420B": update(&line.details.purchasedService)
            case "2420C": update(&line.details.serviceFacility)
            case "2420D": update(&line.details.supervising)
            case "2420E": update(&line.details.ordering)
            default:
                if segment.id == "NM1" {
                    line.details.referring.append(Self.party(segment, onto: nil))
                }
            }
        }
    }
}
