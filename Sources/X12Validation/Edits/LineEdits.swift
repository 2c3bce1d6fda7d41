import ClaimsCore

/// SNIP 4 on service lines: diagnosis pointers, dates of service, units, line control numbers.
enum LineEdits {
    static let rules: [any ClaimRule] = [
        Check(
            .business(
                "SVC-013", snip: 4, "2400 SV107", "a diagnosis pointer (SV107) points past the diagnoses on the claim (HI)",
                fix: "Point only at diagnoses present in HI: pointer n means the n-th diagnosis code.", "A7:477")
        ) { claim, _ in
            linesWhere(claim) { line in line.diagnosisPointers.contains { $0 > claim.diagnoses.count } }
        },
        Check(
            .business(
                "SVC-049", snip: 4, "2400 SV107", "a service line has no valid diagnosis pointer (SV107 missing or 0)",
                fix: "Point each line at 1 to 4 of the claim's diagnoses (1–12).", "A7:477")
        ) { claim, _ in
            linesWhere(claim) { line in line.diagnosisPointers.isEmpty || line.diagnosisPointers.contains { $0 < 1 } }
        },
        Check(
            .business(
                "SVC-081", snip: 4, "2400 SV107", "a diagnosis pointer is repeated on the same line",
                fix: "List each diagnosis pointer once per line.", "A7:477")
        ) { claim, _ in
            linesWhere(claim) { line in
                let pointers = line.diagnosisPointers
                return pointers.indices.contains { index in pointers[..<index].contains(pointers[index]) }
            }
        },
        Check(
            .business(
                "SVC-014", snip: 4, "2400 SV107-1", "the line's first diagnosis pointer points at an external cause code (V00–Y99)",
                fix: "Point first at the diagnosis that explains the service; external causes may only follow.", "A7:509")
        ) { claim, _ in
            linesWhere(claim) { line in
                guard let first = line.diagnosisPointers.first, first >= 1, first <= claim.diagnoses.count else { return false }
                let diagnosis = claim.diagnoses[first - 1]
                return diagnosis.isICD10 && DiagnosisEdits.isExternalCause(diagnosis.code)
            }
        },
        Check(
            .business(
                "SVC-015", snip: 4, "2300 HI", "a diagnosis code is not referenced by any service line",
                fix: "Point a line at every diagnosis reported, or remove the diagnoses no line relates to.", "A8:255",
                warn: true)
        ) { claim, _ in
            fires(
                claim.diagnoses.indices.contains { index in
                    !claim.anyLine { $0.diagnosisPointers.contains(index + 1) }
                })
        },
        Check(
            .business(
                "SVC-018", snip: 4, "2400 DTP*472", "a service date range (RD8) ends before it starts",
                fix: "Send the range as from-to with the earlier date first.", "A7:187")
        ) { claim, _ in
            linesWhere(claim) { line in
                guard let from = line.serviceDateFrom, let to = line.serviceDateTo else { return false }
                return to < from
            }
        },
        Check(
            .business(
                "SVC-019", snip: 4, "2400 DTP*472", "a date of service is after the date the claim was received",
                fix: "Bill services only after they were rendered; correct the service date.", "A7:187")
        ) { claim, context in
            linesWhere(claim) { line in
                guard let from = line.serviceDateFrom else { return false }
                return (line.serviceDateTo ?? from) > context.receivedDate
            }
        },
        Check(
            .business(
                "SVC-051", snip: 4, "2400 DTP*472", "a date of service is after the date the transaction was created (BHT04)",
                fix: "Correct the service date or the transaction creation date.", "A7:187")
        ) { claim, context in
            guard let created = context.header.creationDate else { return .none }
            return linesWhere(claim) { line in
                guard let from = line.serviceDateFrom else { return false }
                return (line.serviceDateTo ?? from) > created
            }
        },
        Check(
            .business(
                "SVC-020", snip: 4, "2400 DTP*472", "a date of service is before the patient's date of birth",
                fix: "Correct the service date or the patient's birth date (DMG02).", "A8:158:QC")
        ) { claim, _ in
            guard let birth = claim.patientBirthDate else { return .none }
            return linesWhere(claim) { line in line.serviceDateFrom.map { $0 < birth } ?? false }
        },
        Check(
            .business(
                "SVC-021", snip: 4, "2400 DTP*472", "a date of service is after the patient's date of death (PAT06)",
                fix: "Correct the service date or the date of death.", "A8:159:QC")
        ) { claim, _ in
            guard let death = claim.coverage.patientDeathDate else { return .none }
            return linesWhere(claim) { line in
                guard let from = line.serviceDateFrom else { return false }
                return (line.serviceDateTo ?? from) > death
            }
        },
        Check(
            .business(
                "SVC-022", snip: 4, "2400 DTP*472", "the claim's dates of service span more than one calendar year",
                fix: "Split the claim so that each claim covers services of one calendar year.", "A7:187")
        ) { claim, _ in
            let dates = claim.serviceDates
            guard let first = dates.first, let last = dates.last else { return .none }
            return fires(first.year != last.year)
        },
        Check(
            .business(
                "SVC-025", snip: 4, "2400 REF*6R", "two service lines share a line item control number (REF*6R)",
                fix: "Give every line a unique REF*6R; the 277CA echoes it to identify the line.", "A7:584")
        ) { claim, _ in
            let lines = claim.serviceLines
            return linesWhere(claim) { line in
                guard let number = line.details.controlNumber else { return false }
                return lines.contains { $0.lineNumber < line.lineNumber && $0.details.controlNumber == number }
            }
        },
        Check(
            .business(
                "SVC-043", snip: 4, "2400 SV1", "a service line repeats an earlier line (same code, modifiers, date, units and charge)",
                fix: "Bill the service once with the total units, or add the modifier that explains the repeat (76, 77, 91).",
                "A8:247", warn: true)
        ) { claim, _ in
            let lines = claim.serviceLines
            return linesWhere(claim) { line in
                lines.contains {
                    $0.lineNumber < line.lineNumber && $0.procedureCode == line.procedureCode && $0.modifiers == line.modifiers
                        && $0.serviceDateFrom == line.serviceDateFrom && $0.units == line.units && $0.charge == line.charge
                }
            }
        },
        Check(
            .business(
                "SVC-009", snip: 4, "2400 SV104", "service units (SV104) are zero or negative",
                fix: "Report the number of units (or minutes) rendered; it must be greater than zero.", "A7:476")
        ) { claim, _ in
            linesWhere(claim) { $0.units <= 0 }
        },
        Check(
            .business(
                "SVC-053", snip: 4, "2400 SV104", "service units (SV104) above 999 are implausible",
                fix: "Check the units; split the service over dates if it really was that many.", "A7:476", warn: true)
        ) { claim, _ in
            linesWhere(claim) { $0.units > 999 }
        },
        Check(
            .business(
                "SVC-010", snip: 4, "2400 SV103", "anesthesia minutes (SV103 = MJ) on a procedure that is not anesthesia (00100–01999)",
                fix: "Use SV103 = UN (units) for this procedure; minutes are for anesthesia codes only.", "A7:251")
        ) { claim, _ in
            linesWhere(claim) { $0.unitBasis == "MJ" && !ProcedureEdits.isAnesthesia($0.procedureCode) }
        },
        Check(
            .business(
                "SVC-052", snip: 4, "2400 SV103", "anesthesia procedure (00100–01999) billed in units instead of minutes",
                fix: "Most payers want anesthesia time in minutes: SV103 = MJ and SV104 = minutes.", "A7:251", warn: true)
        ) { claim, _ in
            linesWhere(claim) { $0.unitBasis == "UN" && ProcedureEdits.isAnesthesia($0.procedureCode) }
        },
        Check(
            .business(
                "SVC-011", snip: 4, "2400 SV105", "line place of service (SV105) repeats the claim's place of service",
                fix: "Send SV105 only when the line's place of service differs from CLM05-1.", "A8:249", warn: true)
        ) { claim, _ in
            linesWhere(claim) { $0.placeOfService == claim.placeOfService }
        },
        Check(
            .business(
                "SVC-060", snip: 4, "2410 CTP04", "drug quantity (CTP04) is zero or missing for the NDC reported",
                fix: "Report the quantity of the drug dispensed in CTP04 with its unit in CTP05.", "A7:724")
        ) { claim, _ in
            linesWhere(claim) { $0.details.ndc != nil && ($0.details.drugQuantity ?? 0) <= 0 }
        },
    ]
}
