import ClaimsCore

/// SNIP 4 on service lines: diagnosis pointers, dates of service, units, line control numbers.
enum LineEdits {
    /// The line-level edits as one group, each line judged in one call, then the two about the
    /// claim's lines together: a step of the validator's loop for each, each a walk over the
    /// lines, cost every claim about a thousand instructions.
    static let rules: [any ClaimRule] =
        CheckGroup.lineRules(lineEdits, judge: judge) + CheckGroup.rules(claimEdits, judge: judge)

    /// In the order `judge(_:_:_:)` gives their verdicts on a line.
    static let lineEdits: [Edit] = [
        .business(
            "SVC-013", snip: 4, "2400 SV107", "a diagnosis pointer (SV107) points past the diagnoses on the claim (HI)",
            fix: "Point only at diagnoses present in HI: pointer n means the n-th diagnosis code.", "A7:477"),
        .business(
            "SVC-049", snip: 4, "2400 SV107", "a service line has no valid diagnosis pointer (SV107 missing or 0)",
            fix: "Point each line at 1 to 4 of the claim's diagnoses (1–12).", "A7:477"),
        .business(
            "SVC-081", snip: 4, "2400 SV107", "a diagnosis pointer is repeated on the same line",
            fix: "List each diagnosis pointer once per line.", "A7:477"),
        .business(
            "SVC-014", snip: 4, "2400 SV107-1", "the line's first diagnosis pointer points at an external cause code (V00–Y99)",
            fix: "Point first at the diagnosis that explains the service; external causes may only follow.", "A7:509"),
        .business(
            "SVC-018", snip: 4, "2400 DTP*472", "a service date range (RD8) ends before it starts",
            fix: "Send the range as from-to with the earlier date first.", "A7:187"),
        .business(
            "SVC-019", snip: 4, "2400 DTP*472", "a date of service is after the date the claim was received",
            fix: "Bill services only after they were rendered; correct the service date.", "A7:187"),
        .business(
            "SVC-051", snip: 4, "2400 DTP*472", "a date of service is after the date the transaction was created (BHT04)",
            fix: "Correct the service date or the transaction creation date.", "A7:187"),
        .business(
            "SVC-020", snip: 4, "2400 DTP*472", "a date of service is before the patient's date of birth",
            fix: "Correct the service date or the patient's birth date (DMG02).", "A8:158:QC"),
        .business(
            "SVC-021", snip: 4, "2400 DTP*472", "a date of service is after the patient's date of death (PAT06)",
            fix: "Correct the service date or the date of death.", "A8:159:QC"),
        .business(
            "SVC-025", snip: 4, "2400 REF*6R", "two service lines share a line item control number (REF*6R)",
            fix: "Give every line a unique REF*6R; the 277CA echoes it to identify the line.", "A7:584"),
        .business(
            "SVC-043", snip: 4, "2400 SV1", "a service line repeats an earlier line (same code, modifiers, date, units and charge)",
            fix: "Bill the service once with the total units, or add the modifier that explains the repeat (76, 77, 91).",
            "A8:247", warn: true),
        .business(
            "SVC-009", snip: 4, "2400 SV104", "service units (SV104) are zero or negative",
            fix: "Report the number of units (or minutes) rendered; it must be greater than zero.", "A7:476"),
        .business(
            "SVC-053", snip: 4, "2400 SV104", "service units (SV104) above 999 are implausible",
            fix: "Check the units; split the service over dates if it really was that many.", "A7:476", warn: true),
        .business(
            "SVC-010", snip: 4, "2400 SV103", "anesthesia minutes (SV103 = MJ) on a procedure that is not anesthesia (00100–01999)",
            fix: "Use SV103 = UN (units) for this procedure; minutes are for anesthesia codes only.", "A7:251"),
        .business(
            "SVC-052", snip: 4, "2400 SV103", "anesthesia procedure (00100–01999) billed in units instead of minutes",
            fix: "Most payers want anesthesia time in minutes: SV103 = MJ and SV104 = minutes.", "A7:251", warn: true),
        .business(
            "SVC-011", snip: 4, "2400 SV105", "line place of service (SV105) repeats the claim's place of service",
            fix: "Send SV105 only when the line's place of service differs from CLM05-1.", "A8:249", warn: true),
        .business(
            "SVC-060", snip: 4, "2410 CTP04", "drug quantity (CTP04) is zero or missing for the NDC reported",
            fix: "Report the quantity of the drug dispensed in CTP04 with its unit in CTP05.", "A7:724"),
    ]

    /// In the order `judge(_:_:)` gives their verdicts on the claim.
    static let claimEdits: [Edit] = [
        .business(
            "SVC-015", snip: 4, "2300 HI", "a diagnosis code is not referenced by any service line",
            fix: "Point a line at every diagnosis reported, or remove the diagnoses no line relates to.", "A8:255",
            warn: true),
        .business(
            "SVC-022", snip: 4, "2400 DTP*472", "the claim's dates of service span more than one calendar year",
            fix: "Split the claim so that each claim covers services of one calendar year.", "A7:187"),
    ]

    /// The members of `lineEdits` that fire on `line`, each verdict named by its edit.
    @Sendable static func judge(_ line: LentLine, _ claim: Claim, _ context: ClaimContext) -> UInt64 {
        let end = line.serviceDateFrom.map { line.serviceDateTo ?? $0 }
        let anesthesia = ProcedureEdits.isAnesthesia(line.procedureCode)
        var fired = Judgement()
        // SVC-013
        fired.next(line.diagnosisPointers.contains { $0 > claim.diagnoses.count })
        // SVC-049
        fired.next(line.diagnosisPointers.isEmpty || line.diagnosisPointers.contains { $0 < 1 })
        // SVC-081
        fired.next(repeatsPointer(line.diagnosisPointers))
        // SVC-014
        fired.next(firstPointsAtExternalCause(line, claim))
        // SVC-018
        fired.next(line.serviceDateFrom.map { from in line.serviceDateTo.map { $0 < from } ?? false } ?? false)
        // SVC-019
        fired.next(end.map { $0 > context.receivedDate } ?? false)
        // SVC-051
        fired.next(context.header.creationDate.map { created in end.map { $0 > created } ?? false } ?? false)
        // SVC-020
        fired.next(claim.patientBirthDate.map { birth in line.serviceDateFrom.map { $0 < birth } ?? false } ?? false)
        // SVC-021
        fired.next(claim.coverage.patientDeathDate.map { death in end.map { $0 > death } ?? false } ?? false)
        // SVC-025
        fired.next(repeatsControlNumber(line, claim))
        // SVC-043
        fired.next(repeatsEarlierLine(line, claim))
        // SVC-009
        fired.next(line.units <= 0)
        // SVC-053
        fired.next(line.units > 999)
        // SVC-010
        fired.next(line.unitBasis == "MJ" && !anesthesia)
        // SVC-052
        fired.next(line.unitBasis == "UN" && anesthesia)
        // SVC-011
        fired.next(line.placeOfService == claim.placeOfService)
        // SVC-060
        fired.next(line.details.ndc != nil && (line.details.drugQuantity ?? 0) <= 0)
        return fired.bits
    }

    /// The members of `claimEdits` that fire on `claim`.
    @Sendable static func judge(_ claim: Claim, _ context: ClaimContext) -> UInt64 {
        var fired = Judgement()
        // SVC-015
        fired.next(claim.diagnoses.indices.contains { index in !claim.anyLine { $0.diagnosisPointers.contains(index + 1) } })
        // SVC-022
        fired.next(spansYears(claim.serviceDates))
        return fired.bits
    }

    /// SVC-022: dates of service in more than one calendar year.
    static func spansYears(_ dates: ServiceDates) -> Bool {
        guard let first = dates.first, let last = dates.last else { return false }
        return first.year != last.year
    }

    /// SVC-081: a pointer listed twice on one line.
    static func repeatsPointer(_ pointers: DiagnosisPointers) -> Bool {
        pointers.indices.contains { index in pointers[..<index].contains(pointers[index]) }
    }

    /// SVC-014: the line's first pointer names an ICD-10-CM external cause code.
    static func firstPointsAtExternalCause(_ line: LentLine, _ claim: Claim) -> Bool {
        guard let first = line.diagnosisPointers.first, first >= 1, first <= claim.diagnoses.count else { return false }
        let diagnosis = claim.diagnoses[first - 1]
        return diagnosis.isICD10 && DiagnosisEdits.isExternalCause(diagnosis.code)
    }

    /// SVC-025: an earlier line has the same line item control number.
    static func repeatsControlNumber(_ line: LentLine, _ claim: Claim) -> Bool {
        guard let number = line.details.controlNumber else { return false }
        return claim.serviceLines.contains { $0.lineNumber < line.lineNumber && $0.details.controlNumber == number }
    }

    /// SVC-043: an earlier line bills the same service (code, modifiers, date, units, charge).
    static func repeatsEarlierLine(_ line: LentLine, _ claim: Claim) -> Bool {
        claim.serviceLines.contains {
            $0.lineNumber < line.lineNumber && $0.procedureCode == line.procedureCode && $0.modifiers == line.modifiers
                && $0.serviceDateFrom == line.serviceDateFrom && $0.units == line.units && $0.charge == line.charge
        }
    }
}
