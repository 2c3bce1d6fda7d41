import X12
import X12Schema

/// The segments situational, balancing and partner edits read beyond the core claim: coverage,
/// claim details, other providers, other payers (2320/2330) and line details (2400–2430).
extension ClaimReader {
    mutating func readDetail(_ segment: Segment, loop: LoopKey) {
        switch (loop, segment.id) {
        case ("2000B", "PAT"):
            readPatientInformation(segment)
        case ("2010AB", "N3"), ("2010AB", "N4"):
            payToAddress.read(segment)
        case ("2010BB", "N3"), ("2010BB", "N4"):
            payer.address.read(segment)
        case ("2300", _):
            updateClaim { Self.readClaimSegment(segment, into: &$0) }
        case ("2310A", _), ("2310B", _), ("2310C", _), ("2310D", _):
            updateClaim { Self.readClaimProvider(segment, loop: loop, into: &$0) }
        case ("2310E", "N3"), ("2310E", "N4"):
            updateClaim { $0.providers.ambulancePickUp.read(segment) }
        case ("2310F", "N3"), ("2310F", "N4"):
            updateClaim { $0.providers.ambulanceDropOff.read(segment) }
        case ("2320", _), ("2330A", _), ("2330B", _):
            updateClaim { Self.readOtherPayer(segment, loop: loop, into: &$0) }
        case ("2400", _), ("2410", _), ("2430", _):
            readLineSegment(segment, loop: loop)
        case ("2420A", _), ("2420B", _), ("2420C", _), ("2420D", _), ("2420E", _), ("2420F", _):
            readLineProvider(segment, loop: loop)
        default:
            break
        }
    }

    mutating func readPatientInformation(_ segment: Segment) {
        if segment[5].equals("D8") { coverage.patientDeathDate = CalendarDate(x12: segment[6].bytes) }
        coverage.patientWeight = Self.number(segment[8])
        coverage.pregnant = segment[9].equals("Y")
    }

    /// CLM06–CLM20 of the CLM segment that opened the claim.
    static func readClaimElements(_ segment: Segment, into claim: inout Claim) {
        claim.providerSignature = segment[6].value
        claim.assignment = segment[7].value
        claim.benefitsAssignment = segment[8].value
        claim.releaseOfInformation = segment[9].value
        // The rest only when sent: most claims have none, and their details then stay unallocated.
        let causes = segment[11], specialProgram = segment[12], delayReason = segment[20]
        guard !causes.isEmpty || !specialProgram.isEmpty || !delayReason.isEmpty else { return }
        var cause = causes.componentReader
        claim.details.relatedCauses = (1...3).compactMap { _ in cause.next().value }
        claim.details.accidentState = cause.next().value
        claim.details.accidentCountry = cause.next().value
        claim.details.specialProgram = specialProgram.value
        claim.details.delayReason = delayReason.value
    }

    private static func readClaimSegment(_ segment: Segment, into current: inout Claim) {
        switch segment.id {
        case "DTP":
            Self.claimDate(segment, into: &current.details.dates)
        case "AMT" where segment[1].equals("F5"):
            current.details.patientPaid = Amount(x12: segment[2].bytes)
            if current.details.patientPaid == nil { current.amountDefects.insert(.patientPaid) }
        case "REF":
            let value = segment[2].value
            switch segment[1].string {
            case "G1": current.details.priorAuthorization = value
            case "9F": current.details.referralNumber = value
            case "X4": current.details.cliaNumber = value
            case "4N": current.details.serviceAuthorizationException = value
            case "EW": current.details.mammographyCertification = value
            default: break
            }
        case "PWK":
            current.details.attachments.append(
                Attachment(reportType: segment[1].string, transmission: segment[2].string, controlNumber: segment[6].value))
        case "CR1":
            current.details.ambulance = AmbulanceTransport(
                weight: Self.number(segment[2]), reason: segment[4].value, miles: Self.number(segment[6]))
        case "CR2":
            current.details.hasSpinalManipulation = true
        case "HI":
            let qualifier = segment[1].component(1)
            let codes = (1...12).compactMap { segment[$0].isEmpty ? nil : segment[$0].component(2).value }
            if qualifier.equals("BP") || qualifier.equals("BO") { current.details.anesthesiaProcedures += codes }
            if qualifier.equals("BG") { current.details.conditionCodes += codes }
        default:
            break
        }
    }

    private static func claimDate(_ segment: Segment, into dates: inout ClaimDates) {
        let value = segment[3].bytes
        let first = CalendarDate(x12: value.prefix(8))
        switch segment[1].string {
        case "431": dates.onset = first
        case "454": dates.initialTreatment = first
        case "304": dates.lastSeen = first
        case "453": dates.acuteManifestation = first
        case "439": dates.accident = first
        case "484": dates.lastMenstrualPeriod = first
        case "455": dates.lastXRay = first
        case "471": dates.hearingVisionPrescription = first
        case "297": dates.lastWorked = first
        case "296": dates.returnToWork = first
        case "435": dates.admission = first
        case "096": dates.discharge = first
        case "090": dates.assumedCare = first
        case "091": dates.relinquishedCare = first
        case "444": dates.firstContact = first
        case "314", "360", "361":
            dates.disabilityFrom = first
            dates.disabilityTo = segment[2].equals("RD8") ? CalendarDate(x12: value.dropFirst(9)) : first
        default: break
        }
    }

    private static func readClaimProvider(_ segment: Segment, loop: LoopKey, into current: inout Claim) {
        func update(_ party: inout ClaimParty?) { party = Self.party(segment, onto: party) }
        switch loop {
        case "2310A":
            if segment.id == "NM1" {
                current.providers.referring.append(Self.party(segment, onto: nil))
            } else if !current.providers.referring.isEmpty {
                var last: ClaimParty? = current.providers.referring.removeLast()
                update(&last)
                current.providers.referring.append(last!)
            }
        case "2310B": update(&current.providers.rendering)
        case "2310C": update(&current.providers.serviceFacility)
        default: update(&current.providers.supervising)
        }
    }

    private static func readOtherPayer(_ segment: Segment, loop: LoopKey, into current: inout Claim) {
        if loop == "2320", segment.id == "SBR" {
            current.otherPayers.append(
                OtherPayer(responsibility: segment[1].string, relationship: segment[2].string, filingIndicator: segment[9].string))
            return
        }
        guard !current.otherPayers.isEmpty else { return }
        let index = current.otherPayers.count - 1
        switch (loop, segment.id) {
        case ("2320", "CAS"):
            current.otherPayers[index].adjustments += Self.adjustments(segment, defects: &current.amountDefects)
        case ("2320", "AMT"):
            let amount = Amount(x12: segment[2].bytes)
            if amount == nil { current.amountDefects.insert(segment[1].equals("D") ? .otherPayerPaid : .otherPayerAmounts) }
            switch segment[1].string {
            case "D": current.otherPayers[index].paidAmount = amount
            case "A8": current.otherPayers[index].nonCoveredAmount = amount
            case "EAF": current.otherPayers[index].remainingLiability = amount
            default: break
            }
        case ("2320", "OI"):
            current.otherPayers[index].benefitsAssignment = segment[3].value
            current.otherPayers[index].releaseOfInformation = segment[6].value
        case ("2330A", "NM1"):
            current.otherPayers[index].subscriberID = segment[9].string
        case ("2330B", "NM1"):
            current.otherPayers[index].payerID = segment[9].string
        case ("2330B", "DTP") where segment[1].equals("573"):
            current.otherPayers[index].adjudicationDate = CalendarDate(x12: segment[3].bytes)
        default:
            break
        }
    }

    static func adjustments(_ segment: Segment, defects: inout AmountDefects) -> [Adjustment] {
        stride(from: 2, through: 17, by: 3).compactMap { position in
            guard !segment[position].isEmpty else { return nil }
            let amount = Amount(x12: segment[position + 1].bytes)
            if amount == nil { defects.insert(.adjustment) }
            return Adjustment(
                group: segment[1].string, reason: segment[position].string, amount: amount ?? .zero,
                quantity: number(segment[position + 2]))
        }
    }

    static func party(_ segment: Segment, onto existing: ClaimParty?) -> ClaimParty {
        var party = existing ?? ClaimParty(entityCode: "")
        switch segment.id {
        case "NM1":
            party.entityCode = segment[1].string
            party.entityType = segment[2].string
            party.lastOrOrganizationName = segment[3].string
            party.firstName = segment[4].value
            party.npi = segment[8].equals("XX") ? segment[9].value : nil
        case "PRV":
            party.taxonomy = segment[3].value
        case "N3", "N4":
            party.address.read(segment)
        default:
            break
        }
        return party
    }

    static func number(_ element: Element) -> Double? {
        element.isEmpty ? nil : digitsValue(element.bytes).map(Double.init) ?? Double(element.string)
    }

    /// `Int(element.string)`.
    static func integer(_ element: Element) -> Int? { digitsValue(element.bytes) ?? Int(element.string) }

    /// The value of 1 to 18 plain digits, read from the bytes: counts, pointers and line numbers
    /// are nearly always such, and building a string to parse each cost more than the rest of
    /// their line. Nil for anything else (signs, points, spaces), which the callers hand to the
    /// standard library's parser.
    private static func digitsValue(_ bytes: X12Source.ByteSlice) -> Int? {
        guard (1...18).contains(bytes.count) else { return nil }
        var value = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// Digits after the decimal point of an X12 `R` value.
    static func decimalPlaces(_ bytes: X12Source.ByteSlice) -> Int {
        guard let point = bytes.firstIndex(of: UInt8(ascii: ".")) else { return 0 }
        return bytes.distance(from: point, to: bytes.endIndex) - 1
    }
}
