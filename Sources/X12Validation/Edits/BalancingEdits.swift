import ClaimsCore

/// SNIP 3: amounts that must add up, within the claim and across coordination of benefits.
enum BalancingEdits {
    static let rules: [any ClaimRule] = [
        Check(
            .business(
                "CLM-004", snip: 3, "2300 CLM02",
                "total claim charge (CLM02) does not equal the sum of the service line charges (SV102)",
                fix: "Recompute CLM02 as the sum of every SV102 on the claim, to the cent.", "A7:400")
        ) { claim, _ in
            fires(claim.serviceLines.reduce(Amount.zero) { $0 + $1.charge } != claim.totalCharge)
        },
        Check(
            .business(
                "CLM-032", snip: 3, "2300 AMT*F5", "patient amount paid (AMT*F5) is greater than the total claim charge",
                fix: "Report only what the patient paid toward these services; it cannot exceed CLM02.", "A7:183:QC")
        ) { claim, _ in
            fires((claim.details.patientPaid ?? .zero) > claim.totalCharge)
        },
        Check(
            .business(
                "COB-006", snip: 3, "2320 AMT*D, CAS; 2430 CAS",
                "other payer's adjudication does not balance: CLM02 minus that payer's claim and line adjustments (CAS) must equal its paid amount (AMT*D)",
                fix: "Copy the other payer's remittance exactly: every claim- and line-level CAS adjustment and the paid amount.",
                "A7:672")
        ) { claim, _ in
            var failures = 0
            for payer in claim.otherPayers {
                guard let paid = payer.paidAmount else { continue }
                var adjusted = payer.adjustments.reduce(Amount.zero) { $0 + $1.amount }
                for line in claim.serviceLines {
                    for adjudication in line.details.adjudications where adjudication.payerID == payer.payerID {
                        adjusted += adjudication.adjustments.reduce(Amount.zero) { $0 + $1.amount }
                    }
                }
                if claim.totalCharge.cents - adjusted.cents != paid.cents { failures += 1 }
            }
            return failures == 0 ? .none : .claim(times: failures)
        },
        Check(
            .business(
                "COB-007", snip: 3, "2430 SVD02, CAS",
                "line adjudication does not balance: the line charge (SV102) minus the 2430 adjustments must equal the paid amount (SVD02)",
                fix: "Report every line-level CAS adjustment from the other payer's remittance so that SV102 - adjustments = SVD02.",
                "A7:672")
        ) { claim, _ in
            linesWhere(claim) { line in
                line.details.adjudications.contains { adjudication in
                    let adjusted = adjudication.adjustments.reduce(Amount.zero) { $0 + $1.amount }
                    return line.charge.cents - adjusted.cents != adjudication.paidAmount.cents
                }
            }
        },
        Check(
            .business(
                "COB-008", snip: 3, "2320 AMT*D, 2430 SVD02",
                "the other payer's paid amount (2320 AMT*D) does not equal the sum of its line paid amounts (SVD02) less its claim-level adjustments",
                fix: "Make AMT*D the sum of SVD02 for that payer minus the claim-level CAS amounts in 2320.", "A7:672")
        ) { claim, _ in
            var failures = 0
            for payer in claim.otherPayers where hasLineAdjudication(claim, payer.payerID) {
                var lines = Amount.zero
                for line in claim.serviceLines {
                    for adjudication in line.details.adjudications where adjudication.payerID == payer.payerID {
                        lines += adjudication.paidAmount
                    }
                }
                let adjusted = payer.adjustments.reduce(Amount.zero) { $0 + $1.amount }
                if lines.cents - adjusted.cents != (payer.paidAmount ?? .zero).cents { failures += 1 }
            }
            return failures == 0 ? .none : .claim(times: failures)
        },
        Check(
            .business(
                "COB-017", snip: 3, "2320 AMT*D", "other payer paid amount (AMT*D) is greater than the total claim charge",
                fix: "Check the paid amount against the other payer's remittance; a payer cannot pay more than was charged.",
                "A7:672")
        ) { claim, _ in
            fires(claim.otherPayers.contains { ($0.paidAmount ?? .zero) > claim.totalCharge })
        },
        Check(
            .business(
                "COB-019", snip: 3, "2320 AMT*EAF",
                "remaining patient liability (AMT*EAF) is greater than the total claim charge",
                fix: "Report the patient responsibility from the other payer's remittance; it cannot exceed CLM02.", "A7:672")
        ) { claim, _ in
            fires(claim.otherPayers.contains { ($0.remainingLiability ?? .zero) > claim.totalCharge })
        },
        Check(
            .business(
                "COB-020", snip: 3, "2320 AMT*A8", "non-covered amount (AMT*A8) is greater than the total claim charge",
                fix: "Report the non-covered charges from the other payer's remittance; they cannot exceed CLM02.", "A7:672")
        ) { claim, _ in
            fires(claim.otherPayers.contains { ($0.nonCoveredAmount ?? .zero) > claim.totalCharge })
        },
        Check(
            .business(
                "COB-018", snip: 3, "2320/2430 CAS03", "a claim adjustment amount (CAS03) is zero",
                fix: "Leave out adjustments of zero; send only the adjustments the other payer actually made.", "A7:694")
        ) { claim, _ in
            fires(
                claim.otherPayers.contains { $0.adjustments.contains { $0.amount == .zero } }
                    || claim.anyLine { line in
                        line.details.adjudications.contains { $0.adjustments.contains { $0.amount == .zero } }
                    })
        },
        Check(
            .business(
                "SVC-034", snip: 3, "2400 PS102", "purchased service charge (PS102) is greater than the line charge (SV102)",
                fix: "The purchased service charge is part of the line charge: make SV102 at least PS102.", "A7:469")
        ) { claim, _ in
            linesWhere(claim) { ($0.details.purchasedServiceCharge ?? .zero) > $0.charge }
        },
        Check(
            .business(
                "SVC-047", snip: 3, "2430 SVD02", "other payer's line paid amount (SVD02) is greater than the line charge",
                fix: "Check SVD02 against the other payer's remittance for this line.", "A7:672")
        ) { claim, _ in
            linesWhere(claim) { line in line.details.adjudications.contains { $0.paidAmount > line.charge } }
        },
        Check(
            .business(
                "SVC-048", snip: 3, "2430 SVD05", "other payer's paid units (SVD05) exceed the units billed (SV104)",
                fix: "Report the units the other payer paid for this line; they cannot exceed SV104.", "A7:476")
        ) { claim, _ in
            linesWhere(claim) { line in line.details.adjudications.contains { ($0.paidUnits ?? 0) > line.units } }
        },
        Check(
            .business(
                "SVC-071", snip: 3, "2400 AMT*T", "sales tax (AMT*T) is greater than the line charge",
                fix: "Sales tax is included in the line charge: make SV102 at least the tax amount.", "A7:583")
        ) { claim, _ in
            linesWhere(claim) { ($0.details.salesTax ?? .zero) > $0.charge }
        },
    ]

    /// Whether some line carries a 2430 adjudication by `payerID`.
    static func hasLineAdjudication(_ claim: Claim, _ payerID: String) -> Bool {
        claim.anyLine { line in line.details.adjudications.contains { $0.payerID == payerID } }
    }
}
