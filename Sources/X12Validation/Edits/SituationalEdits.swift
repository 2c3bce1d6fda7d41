import ClaimsCore

/// SNIP 4: "if this, then that" across segments of one claim (frequency and REF*F8, patient
/// level, demographics, accident, ambulance, attachments).
enum SituationalEdits {
    /// The claim-level edits as one group, judged in one call, then the one that reports lines:
    /// a step of the validator's loop for each cost every claim about a thousand instructions.
    static let rules: [any ClaimRule] = CheckGroup.rules(claimEdits, judge: judge) + [lineRenderingRepeatsClaims]

    /// In the order `judge` gives their verdicts.
    static let claimEdits: [Edit] = [
        .business(
            "CLM-010", snip: 4, "2300 REF*F8", "a replacement or void (CLM05-3 = 7 or 8) has no payer claim control number (REF*F8)",
            fix: "Add REF*F8 with the payer's claim number of the claim being replaced or voided.", "A6:464"),
        .business(
            "CLM-011", snip: 4, "2300 REF*F8", "an original claim (CLM05-3 = 1) carries a payer claim control number (REF*F8)",
            fix: "Remove REF*F8, or set CLM05-3 to 7 (replacement) if this claim replaces one the payer already has.",
            "A8:464"),
        .business(
            "PAT-007", snip: 4, "2000C", "the patient is not the subscriber (SBR02 is not 18) but there is no patient loop (2000C)",
            fix: "Send the patient in 2000C/2010CA with PAT01, or set SBR02 to 18 when the subscriber is the patient.",
            "A6:156"),
        .business(
            "PAT-008", snip: 4, "2000C", "a patient loop (2000C) is sent although SBR02 says the subscriber is the patient",
            fix: "Leave out 2000C when the subscriber is the patient, or clear SBR02 when the patient is a dependent.",
            "A8:156"),
        .business(
            "SUB-010", snip: 4, "2010BA DMG", "the subscriber is the patient but the subscriber's birth date (DMG) is missing",
            fix: "Add DMG*D8 with the subscriber's date of birth and gender in 2010BA.", "A6:158:IL"),
        .business(
            "SUB-008", snip: 4, "2010BA N3/N4", "the subscriber is the patient but the subscriber's address is missing",
            fix: "Add N3 and N4 with the subscriber's address in 2010BA.", "A6:126:IL"),
        .business(
            "SBR-002", snip: 4, "2320", "the destination payer is not primary (SBR01 is not P) but no other payer (2320) is reported",
            fix: "Add a 2320 loop for each payer that adjudicated the claim before this one.", "A6:171"),
        .business(
            "SBR-011", snip: 4, "2320 SBR01", "two payers share the same responsibility sequence (SBR01)",
            fix: "Give each payer its own sequence (P, S, T…): the destination payer's SBR01 and every 2320 SBR01 must differ.",
            "A7:742"),
        .business(
            "SBR-005", snip: 4, "2000B SBR05", "Medicare is secondary but the insurance type code (SBR05) is missing",
            fix: "Add SBR05 with the Medicare secondary payer type (12, 13, 14, 15, 16, 41, 42, 43 or 47).", "A6:578"),
        .business(
            "SBR-009", snip: 4, "PAT06", "the patient's date of death is before the date of birth",
            fix: "Correct PAT06 (date of death) or the birth date in DMG02.", "A8:159:QC"),
        .business(
            "SBR-012", snip: 4, "PAT06", "the patient's date of death is after the date the claim was received",
            fix: "Correct PAT06: a date of death cannot be in the future.", "A7:159:QC"),
        .business(
            "SBR-010", snip: 4, "PAT09", "pregnancy indicator (PAT09 = Y) on a male patient",
            fix: "Check the patient's gender (DMG03) and remove PAT09 when the patient is not pregnant.", "A8:626"),
        .business(
            "CLM-019", snip: 4, "2300 CLM11-4", "auto accident (CLM11 = AA) without the state where it happened (CLM11-4)",
            fix: "Add the two-letter state or province code of the accident in CLM11-4.", "A6:750"),
        .business(
            "CLM-020", snip: 4, "2300 DTP*439", "accident-related claim (CLM11 = AA or OA) without the accident date (DTP*439)",
            fix: "Add DTP*439*D8 with the date of the accident.", "A6:727"),
        .business(
            "CLM-060", snip: 4, "2300 DTP*439", "accident date (DTP*439) sent but the claim is not marked accident related (CLM11)",
            fix: "Set CLM11 to AA, EM or OA when the services relate to an accident, or remove DTP*439.", "A8:727",
            warn: true),
        .business(
            "CLM-027", snip: 4, "2300 DTP*484", "last menstrual period date (DTP*484) on a male patient",
            fix: "Check the patient's gender (DMG03), or remove DTP*484.", "A8:191"),
        .business(
            "CLM-030", snip: 4, "2300 PWK06",
            "attachment sent by mail, fax or electronically (PWK02 not AA) without an attachment control number (PWK06)",
            fix: "Add PWK05 = AC and PWK06 with the control number printed on the attachment cover sheet.", "A6:489"),
        .business(
            "CLM-039", snip: 4, "2300 CR1", "ambulance transport codes (A0425–A0436) billed without ambulance transport information (CR1)",
            fix: "Add CR1 with the transport reason (CR104) and the loaded miles (CR106).", "A6:267"),
        .business(
            "CLM-041", snip: 4, "2310E/2310F", "ambulance transport billed without the pick-up (2310E) and drop-off (2310F) locations",
            fix: "Add the ambulance pick-up location (NM1*PW) and drop-off location (NM1*45) with their addresses.", "A6:266"),
        .business(
            "CLM-072", snip: 4, "2300 CR106", "ambulance transport information (CR1) reports no loaded miles (CR106)",
            fix: "Report the loaded miles in CR106 (with CR105 = DH).", "A7:267"),
        .business(
            "CLM-026", snip: 4, "2300 DTP*435", "inpatient place of service (21, 51, 61) without the admission date (DTP*435)",
            fix: "Add DTP*435 with the date the patient was admitted.", "A6:189", warn: true),
        .business(
            "CLM-064", snip: 4, "2300 DTP*096", "discharge date (DTP*096) without an admission date (DTP*435)",
            fix: "Add the admission date, or remove the discharge date.", "A6:189"),
        .business(
            "CLM-067", snip: 4, "2300 DTP*090/091",
            "split surgical care (modifier 54 or 55) without the assumed or relinquished care date (DTP*090/091)",
            fix: "Add DTP*090 (assumed care) or DTP*091 (relinquished care) for shared post-operative care.", "A6:388",
            warn: true),
        .business(
            "PAT-006", snip: 4, "2000C PAT01", "a child of the subscriber (PAT01 = 19) is older than the subscriber",
            fix: "Check PAT01 and both birth dates.", "A8:156", warn: true),
        .business(
            "PRV-004", snip: 4, "2310B NM109", "rendering provider (2310B) has the same NPI as the billing provider",
            fix: "Leave out 2310B when the billing provider rendered the services.", "A8:562:82", warn: true),
        .business(
            "PRV-010", snip: 4, "2310C", "service facility (2310C) repeats the billing provider's address",
            fix: "Send 2310C only when services were rendered somewhere other than the billing provider's address.",
            "A8:126:77", warn: true),
        .business(
            "PRV-017", snip: 4, "2310C", "service facility (2310C) sent for services in the patient's home (POS 12)",
            fix: "Leave out 2310C when the place of service is the patient's home.", "A8:249", warn: true),
    ]

    /// The members of `claimEdits` that fire on `claim`, each verdict named by its edit.
    @Sendable static func judge(_ claim: Claim, _ context: ClaimContext) -> UInt64 {
        let ambulance = claim.anyLine { isAmbulanceTransport($0.procedureCode) }
        var fired = Judgement()
        // CLM-010
        fired.next((claim.frequencyCode == "7" || claim.frequencyCode == "8") && (claim.originalReference ?? "").isEmpty)
        // CLM-011
        fired.next(claim.frequencyCode == "1" && claim.originalReference != nil)
        // PAT-007
        fired.next(claim.coverage.subscriberRelationship != "18" && !claim.hasPatient)
        // PAT-008
        fired.next(claim.coverage.subscriberRelationship == "18" && claim.hasPatient)
        // SUB-010
        fired.next(!claim.hasPatient && claim.subscriber.birthDate == nil)
        // SUB-008
        fired.next(!claim.hasPatient && claim.subscriber.address == nil)
        // SBR-002
        fired.next(!claim.coverage.responsibility.isEmpty && claim.coverage.responsibility != "P" && claim.otherPayers.isEmpty)
        // SBR-011
        fired.next(sharesResponsibility(claim))
        // SBR-005
        fired.next(claim.isMedicare && claim.coverage.responsibility != "P" && claim.coverage.insuranceType == nil)
        // SBR-009
        fired.next(claim.coverage.patientDeathDate.map { death in claim.patientBirthDate.map { death < $0 } ?? false } ?? false)
        // SBR-012
        fired.next(claim.coverage.patientDeathDate.map { $0 > context.receivedDate } ?? false)
        // SBR-010
        fired.next(claim.coverage.pregnant && claim.patientGender == "M")
        // CLM-019
        fired.next(claim.details.relatedCauses.contains("AA") && claim.details.accidentState == nil)
        // CLM-020
        fired.next(claim.details.relatedCauses.contains { $0 == "AA" || $0 == "OA" } && claim.details.dates.accident == nil)
        // CLM-060
        fired.next(claim.details.dates.accident != nil && claim.details.relatedCauses.isEmpty)
        // CLM-027
        fired.next(claim.details.dates.lastMenstrualPeriod != nil && claim.patientGender == "M")
        // CLM-030
        fired.next(claim.details.attachments.contains { $0.transmission != "AA" && ($0.controlNumber ?? "").isEmpty })
        // CLM-039
        fired.next(ambulance && claim.details.ambulance == nil && !claim.anyLineDetails { $0.details.hasAmbulanceTransport })
        // CLM-041
        fired.next(ambulance && (claim.providers.ambulancePickUp == nil || claim.providers.ambulanceDropOff == nil))
        // CLM-072
        fired.next(claim.details.ambulance.map { ($0.miles ?? 0) <= 0 } ?? false)
        // CLM-026
        fired.next(isInpatientPlace(claim.placeOfService) && claim.details.dates.admission == nil)
        // CLM-064
        fired.next(claim.details.dates.discharge != nil && claim.details.dates.admission == nil)
        // CLM-067
        fired.next(claim.anyLine { $0.modifiers.contains("54") || $0.modifiers.contains("55") }
            && claim.details.dates.assumedCare == nil && claim.details.dates.relinquishedCare == nil)
        // PAT-006
        fired.next(childOlderThanSubscriber(claim))
        // PRV-004
        fired.next(claim.providers.rendering?.npi != nil && claim.providers.rendering?.npi == claim.billingProvider.npi)
        // PRV-010
        fired.next(claim.providers.serviceFacility?.address.map { $0 == claim.billingProvider.address } ?? false)
        // PRV-017
        fired.next(claim.placeOfService == "12" && claim.providers.serviceFacility != nil)
        return fired.bits
    }

    static let lineRenderingRepeatsClaims = Check(
        .business(
            "PRV-016", snip: 4, "2420A NM109", "line rendering provider (2420A) repeats the claim's rendering provider",
            fix: "Send 2420A only when the line's rendering provider differs from 2310B.", "A8:562:82", warn: true)
    ) { claim, _ in
        guard let rendering = claim.providers.rendering?.npi else { return .none }
        return linesWhere(claim) { $0.details.rendering?.npi == rendering }
    }

    /// SBR-011: a payer's responsibility (SBR01) shared with the destination payer or another.
    static func sharesResponsibility(_ claim: Claim) -> Bool {
        let payers = claim.otherPayers
        return payers.indices.contains { index in
            payers[index].responsibility == claim.coverage.responsibility
                || payers[..<index].contains { $0.responsibility == payers[index].responsibility }
        }
    }

    /// PAT-006: a child of the subscriber (PAT01 = 19) born before the subscriber.
    static func childOlderThanSubscriber(_ claim: Claim) -> Bool {
        guard claim.patientRelationship == "19", let child = claim.patient?.birthDate, let parent = claim.subscriber.birthDate
        else { return false }
        return child < parent
    }

    /// Inpatient hospital, inpatient psychiatric facility, comprehensive inpatient rehabilitation
    /// (places of service 21, 51, 61). Compared, not hashed: a set's look-up hashed the place for
    /// every claim.
    static func isInpatientPlace(_ code: String) -> Bool {
        switch code {
        case "21", "51", "61": true
        default: false
        }
    }

    /// Ground ambulance transport and mileage codes (HCPCS A0425–A0436).
    static func isAmbulanceTransport(_ code: String) -> Bool {
        guard code.utf8.count == 5, code.firstByte == UInt8(ascii: "A"), let number = Int(code.dropFirst()) else {
            return false
        }
        return (425...436).contains(number)
    }
}
