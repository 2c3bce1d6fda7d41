import ClaimsCore

/// SNIP 4: "if this, then that" across segments of one claim (frequency and REF*F8, patient
/// level, demographics, accident, ambulance, attachments).
enum SituationalEdits {
    static let rules: [any ClaimRule] = [
        Check(
            .business(
                "CLM-010", snip: 4, "2300 REF*F8", "a replacement or void (CLM05-3 = 7 or 8) has no payer claim control number (REF*F8)",
                fix: "Add REF*F8 with the payer's claim number of the claim being replaced or voided.", "A6:464")
        ) { claim, _ in
            fires((claim.frequencyCode == "7" || claim.frequencyCode == "8") && (claim.originalReference ?? "").isEmpty)
        },
        Check(
            .business(
                "CLM-011", snip: 4, "2300 REF*F8", "an original claim (CLM05-3 = 1) carries a payer claim control number (REF*F8)",
                fix: "Remove REF*F8, or set CLM05-3 to 7 (replacement) if this claim replaces one the payer already has.",
                "A8:464")
        ) { claim, _ in
            fires(claim.frequencyCode == "1" && claim.originalReference != nil)
        },
        Check(
            .business(
                "PAT-007", snip: 4, "2000C", "the patient is not the subscriber (SBR02 is not 18) but there is no patient loop (2000C)",
                fix: "Send the patient in 2000C/2010CA with PAT01, or set SBR02 to 18 when the subscriber is the patient.",
                "A6:156")
        ) { claim, _ in
            fires(claim.coverage.subscriberRelationship != "18" && !claim.hasPatient)
        },
        Check(
            .business(
                "PAT-008", snip: 4, "2000C", "a patient loop (2000C) is sent although SBR02 says the subscriber is the patient",
                fix: "Leave out 2000C when the subscriber is the patient, or clear SBR02 when the patient is a dependent.",
                "A8:156")
        ) { claim, _ in
            fires(claim.coverage.subscriberRelationship == "18" && claim.hasPatient)
        },
        Check(
            .business(
                "SUB-010", snip: 4, "2010BA DMG", "the subscriber is the patient but the subscriber's birth date (DMG) is missing",
                fix: "Add DMG*D8 with the subscriber's date of birth and gender in 2010BA.", "A6:158:IL")
        ) { claim, _ in
            fires(!claim.hasPatient && claim.subscriber.birthDate == nil)
        },
        Check(
            .business(
                "SUB-008", snip: 4, "2010BA N3/N4", "the subscriber is the patient but the subscriber's address is missing",
                fix: "Add N3 and N4 with the subscriber's address in 2010BA.", "A6:126:IL")
        ) { claim, _ in
            fires(!claim.hasPatient && claim.subscriber.address == nil)
        },
        Check(
            .business(
                "SBR-002", snip: 4, "2320", "the destination payer is not primary (SBR01 is not P) but no other payer (2320) is reported",
                fix: "Add a 2320 loop for each payer that adjudicated the claim before this one.", "A6:171")
        ) { claim, _ in
            fires(!claim.coverage.responsibility.isEmpty && claim.coverage.responsibility != "P" && claim.otherPayers.isEmpty)
        },
        Check(
            .business(
                "SBR-011", snip: 4, "2320 SBR01", "two payers share the same responsibility sequence (SBR01)",
                fix: "Give each payer its own sequence (P, S, T…): the destination payer's SBR01 and every 2320 SBR01 must differ.",
                "A7:742")
        ) { claim, _ in
            let payers = claim.otherPayers
            let clash = payers.indices.contains { index in
                payers[index].responsibility == claim.coverage.responsibility
                    || payers[..<index].contains { $0.responsibility == payers[index].responsibility }
            }
            return fires(clash)
        },
        Check(
            .business(
                "SBR-005", snip: 4, "2000B SBR05", "Medicare is secondary but the insurance type code (SBR05) is missing",
                fix: "Add SBR05 with the Medicare secondary payer type (12, 13, 14, 15, 16, 41, 42, 43 or 47).", "A6:578")
        ) { claim, _ in
            fires(claim.isMedicare && claim.coverage.responsibility != "P" && claim.coverage.insuranceType == nil)
        },
        Check(
            .business(
                "SBR-009", snip: 4, "PAT06", "the patient's date of death is before the date of birth",
                fix: "Correct PAT06 (date of death) or the birth date in DMG02.", "A8:159:QC")
        ) { claim, _ in
            guard let death = claim.coverage.patientDeathDate, let birth = claim.patientBirthDate else { return .none }
            return fires(death < birth)
        },
        Check(
            .business(
                "SBR-012", snip: 4, "PAT06", "the patient's date of death is after the date the claim was received",
                fix: "Correct PAT06: a date of death cannot be in the future.", "A7:159:QC")
        ) { claim, context in
            fires(claim.coverage.patientDeathDate.map { $0 > context.receivedDate } ?? false)
        },
        Check(
            .business(
                "SBR-010", snip: 4, "PAT09", "pregnancy indicator (PAT09 = Y) on a male patient",
                fix: "Check the patient's gender (DMG03) and remove PAT09 when the patient is not pregnant.", "A8:626")
        ) { claim, _ in
            fires(claim.coverage.pregnant && claim.patientGender == "M")
        },
        Check(
            .business(
                "CLM-019", snip: 4, "2300 CLM11-4", "auto accident (CLM11 = AA) without the state where it happened (CLM11-4)",
                fix: "Add the two-letter state or province code of the accident in CLM11-4.", "A6:750")
        ) { claim, _ in
            fires(claim.details.relatedCauses.contains("AA") && claim.details.accidentState == nil)
        },
        Check(
            .business(
                "CLM-020", snip: 4, "2300 DTP*439", "accident-related claim (CLM11 = AA or OA) without the accident date (DTP*439)",
                fix: "Add DTP*439*D8 with the date of the accident.", "A6:727")
        ) { claim, _ in
            let accident = claim.details.relatedCauses.contains { $0 == "AA" || $0 == "OA" }
            return fires(accident && claim.details.dates.accident == nil)
        },
        Check(
            .business(
                "CLM-060", snip: 4, "2300 DTP*439", "accident date (DTP*439) sent but the claim is not marked accident related (CLM11)",
                fix: "Set CLM11 to AA, EM or OA when the services relate to an accident, or remove DTP*439.", "A8:727",
                warn: true)
        ) { claim, _ in
            fires(claim.details.dates.accident != nil && claim.details.relatedCauses.isEmpty)
        },
        Check(
            .business(
                "CLM-027", snip: 4, "2300 DTP*484", "last menstrual period date (DTP*484) on a male patient",
                fix: "Check the patient's gender (DMG03), or remove DTP*484.", "A8:191")
        ) { claim, _ in
            fires(claim.details.dates.lastMenstrualPeriod != nil && claim.patientGender == "M")
        },
        Check(
            .business(
                "CLM-030", snip: 4, "2300 PWK06",
                "attachment sent by mail, fax or electronically (PWK02 not AA) without an attachment control number (PWK06)",
                fix: "Add PWK05 = AC and PWK06 with the control number printed on the attachment cover sheet.", "A6:489")
        ) { claim, _ in
            fires(claim.details.attachments.contains { $0.transmission != "AA" && ($0.controlNumber ?? "").isEmpty })
        },
        Check(
            .business(
                "CLM-039", snip: 4, "2300 CR1", "ambulance transport codes (A0425–A0436) billed without ambulance transport information (CR1)",
                fix: "Add CR1 with the transport reason (CR104) and the loaded miles (CR106).", "A6:267")
        ) { claim, _ in
            fires(
                claim.details.ambulance == nil && claim.anyLine { isAmbulanceTransport($0.procedureCode) }
                    && !claim.anyLine { $0.details.hasAmbulanceTransport })
        },
        Check(
            .business(
                "CLM-041", snip: 4, "2310E/2310F", "ambulance transport billed without the pick-up (2310E) and drop-off (2310F) locations",
                fix: "Add the ambulance pick-up location (NM1*PW) and drop-off location (NM1*45) with their addresses.", "A6:266")
        ) { claim, _ in
            let ambulance = claim.anyLine { isAmbulanceTransport($0.procedureCode) }
            return fires(ambulance && (claim.providers.ambulancePickUp == nil || claim.providers.ambulanceDropOff == nil))
        },
        Check(
            .business(
                "CLM-072", snip: 4, "2300 CR106", "ambulance transport information (CR1) reports no loaded miles (CR106)",
                fix: "Report the loaded miles in CR106 (with CR105 = DH).", "A7:267")
        ) { claim, _ in
            fires(claim.details.ambulance.map { ($0.miles ?? 0) <= 0 } ?? false)
        },
        Check(
            .business(
                "CLM-026", snip: 4, "2300 DTP*435", "inpatient place of service (21, 51, 61) without the admission date (DTP*435)",
                fix: "Add DTP*435 with the date the patient was admitted.", "A6:189", warn: true)
        ) { claim, _ in
            fires(isInpatientPlace(claim.placeOfService) && claim.details.dates.admission == nil)
        },
        Check(
            .business(
                "CLM-064", snip: 4, "2300 DTP*096", "discharge date (DTP*096) without an admission date (DTP*435)",
                fix: "Add the admission date, or remove the discharge date.", "A6:189")
        ) { claim, _ in
            fires(claim.details.dates.discharge != nil && claim.details.dates.admission == nil)
        },
        Check(
            .business(
                "CLM-067", snip: 4, "2300 DTP*090/091",
                "split surgical care (modifier 54 or 55) without the assumed or relinquished care date (DTP*090/091)",
                fix: "Add DTP*090 (assumed care) or DTP*091 (relinquished care) for shared post-operative care.", "A6:388",
                warn: true)
        ) { claim, _ in
            let split = claim.anyLine { $0.modifiers.contains("54") || $0.modifiers.contains("55") }
            return fires(split && claim.details.dates.assumedCare == nil && claim.details.dates.relinquishedCare == nil)
        },
        Check(
            .business(
                "PAT-006", snip: 4, "2000C PAT01", "a child of the subscriber (PAT01 = 19) is older than the subscriber",
                fix: "Check PAT01 and both birth dates.", "A8:156", warn: true)
        ) { claim, _ in
            guard claim.patientRelationship == "19", let child = claim.patient?.birthDate,
                let parent = claim.subscriber.birthDate
            else { return .none }
            return fires(child < parent)
        },
        Check(
            .business(
                "PRV-004", snip: 4, "2310B NM109", "rendering provider (2310B) has the same NPI as the billing provider",
                fix: "Leave out 2310B when the billing provider rendered the services.", "A8:562:82", warn: true)
        ) { claim, _ in
            fires(claim.providers.rendering?.npi != nil && claim.providers.rendering?.npi == claim.billingProvider.npi)
        },
        Check(
            .business(
                "PRV-016", snip: 4, "2420A NM109", "line rendering provider (2420A) repeats the claim's rendering provider",
                fix: "Send 2420A only when the line's rendering provider differs from 2310B.", "A8:562:82", warn: true)
        ) { claim, _ in
            guard let rendering = claim.providers.rendering?.npi else { return .none }
            return linesWhere(claim) { $0.details.rendering?.npi == rendering }
        },
        Check(
            .business(
                "PRV-010", snip: 4, "2310C", "service facility (2310C) repeats the billing provider's address",
                fix: "Send 2310C only when services were rendered somewhere other than the billing provider's address.",
                "A8:126:77", warn: true)
        ) { claim, _ in
            guard let facility = claim.providers.serviceFacility?.address else { return .none }
            return fires(facility == claim.billingProvider.address)
        },
        Check(
            .business(
                "PRV-017", snip: 4, "2310C", "service facility (2310C) sent for services in the patient's home (POS 12)",
                fix: "Leave out 2310C when the place of service is the patient's home.", "A8:249", warn: true)
        ) { claim, _ in
            fires(claim.placeOfService == "12" && claim.providers.serviceFacility != nil)
        },
    ]

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
