import ClaimsCore

/// SNIP 3: amounts that must add up, within the claim and across coordination of benefits.
enum BalancingEdits {
    /// The claim-level edits that fire once as one group, the two that fire once per other payer
    /// on their own, then the line-level ones as one group judged per line: a step of the
    /// validator's loop for each of the thirteen cost every claim about 500 instructions.
    static let rules: [any ClaimRule] =
        CheckGroup.rules(claimEdits, judge: judge) + [otherPayerBalance, otherPayerLinesBalance]
        + CheckGroup.lineRules(lineEdits, judge: judge)

    /// In the order `judge(_:_:)` gives their verdicts on the claim.
    static let claimEdits: [Edit] = [
        .business(
            "CLM-004", snip: 3, "2300 CLM02",
            "total claim charge (CLM02) does not equal the sum of the service line charges (SV102)",
            fix: "Recompute CLM02 as the sum of every SV102 on the claim, to the cent.", "A7:400"),
        .business(
            "CLM-032", snip: 3, "2300 AMT*F5", "patient amount paid (AMT*F5) is greater than the total claim charge",
            fix: "Report only what the patient paid toward these services; it cannot exceed CLM02.", "A7:183:QC"),
        .business(
            "COB-017", snip: 3, "2320 AMT*D", "other payer paid amount (AMT*D) is greater than the total claim charge",
            fix: "Check the paid amount against the other payer's remittance; a payer cannot pay more than was charged.",
            "A7:672"),
        .business(
            "COB-019", snip: 3, "2320 AMT*EAF",
            "remaining patient liability (AMT*EAF) is greater than the total claim charge",
            fix: "Report the patient responsibility from the other payer's remittance; it cannot exceed CLM02.", "A7:672"),
        .business(
            "COB-020", snip: 3, "2320 AMT*A8", "non-covered amount (AMT*A8) is greater than the total claim charge",
            fix: "Report the non-covered charges from the other payer's remittance; they cannot exceed CLM02.", "A7:672"),
        .business(
            "COB-018", snip: 3, "2320/2430 CAS03", "a claim adjustment amount (CAS03) is zero",
            fix: "Leave out adjustments of zero; send only the adjustments the other payer actually made.", "A7:694"),
    ]

    /// In the order `judge(_:_:_:)` gives their verdicts on a line.
    static let lineEdits: [Edit] = [
        .business(
            "COB-007", snip: 3, "2430 SVD02, CAS",
            "line adjudication does not balance: the line charge (SV102) minus the 2430 adjustments must equal the paid amount (SVD02)",
            fix: "Report every line-level CAS adjustment from the other payer's remittance so that SV102 - adjustments = SVD02.",
            "A7:672"),
        .business(
            "SVC-034", snip: 3, "2400 PS102", "purchased service charge (PS102) is greater than the line charge (SV102)",
            fix: "The purchased service charge is part of the line charge: make SV102 at least PS102.", "A7:469"),
        .business(
            "SVC-047", snip: 3, "2430 SVD02", "other payer's line paid amount (SVD02) is greater than the line charge",
            fix: "Check SVD02 against the other payer's remittance for this line.", "A7:672"),
        .business(
            "SVC-048", snip: 3, "2430 SVD05", "other payer's paid units (SVD05) exceed the units billed (SV104)",
            fix: "Report the units the other payer paid for this line; they cannot exceed SV104.", "A7:476"),
        .business(
            "SVC-071", snip: 3, "2400 AMT*T", "sales tax (AMT*T) is greater than the line charge",
            fix: "Sales tax is included in the line charge: make SV102 at least the tax amount.", "A7:583"),
    ]

    /// The members of `claimEdits` that fire on `claim`, each verdict named by its edit.
    @Sendable static func judge(_ claim: Claim, _ context: ClaimContext) -> UInt64 {
        var fired = Judgement()
        // CLM-004
        fired.next(claim.serviceLines.reduce(Amount.zero) { $0 + $1.charge } != claim.totalCharge)
        // CLM-032
        fired.next((claim.details.patientPaid ?? .zero) > claim.totalCharge)
        // COB-017
        fired.next(claim.otherPayers.contains { ($0.paidAmount ?? .zero) > claim.totalCharge })
        // COB-019
        fired.next(claim.otherPayers.contains { ($0.remainingLiability ?? .zero) > claim.totalCharge })
        // COB-020
        fired.next(claim.otherPayers.contains { ($0.nonCoveredAmount ?? .zero) > claim.totalCharge })
        // COB-018
        fired.next(hasZeroAdjustment(claim))
        return fired.bits
    }

    /// The members of `lineEdits` that fire on `line`.
    @Sendable static func judge(_ line: LentLine, _ claim: Claim, _ context: ClaimContext) -> UInt64 {
        var fired = Judgement()
        // COB-007
        fired.next(hasUnbalancedAdjudication(line))
        // SVC-034
        fired.next((line.details.purchasedServiceCharge ?? .zero) > line.charge)
        // SVC-047
        fired.next(line.details.adjudications.contains { $0.paidAmount > line.charge })
        // SVC-048
        fired.next(line.details.adjudications.contains { ($0.paidUnits ?? 0) > line.units })
        // SVC-071
        fired.next((line.details.salesTax ?? .zero) > line.charge)
        return fired.bits
    }

    /// COB-007: an other payer's adjudication of the line whose adjustments and payment do not
    /// add up to the line charge.
    static func hasUnbalancedAdjudication(_ line: LentLine) -> Bool {
        line.details.adjudications.contains { adjudication in
            let adjusted = adjudication.adjustments.reduce(Amount.zero) { $0 + $1.amount }
            return line.charge.cents - adjusted.cents != adjudication.paidAmount.cents
        }
    }

    /// COB-018: a claim- or line-level adjustment of zero.
    static func hasZeroAdjustment(_ claim: Claim) -> Bool {
        claim.otherPayers.contains { $0.adjustments.contains { $0.amount == .zero } }
            || claim.anyLineDetails { line in line.details.adjudications.contains { $0.adjustments.contains { $0.amount == .zero } } }
    }

    static let otherPayerBalance = Check(
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
    }

    static let otherPayerLinesBalance = Check(
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
    }

    /// Whether some line carries a 2430 adjudication by `payerID`.
    static func hasLineAdjudication(_ claim: Claim, _ payerID: String) -> Bool {
        claim.anyLineDetails { line in line.details.adjudications.contains { $0.payerID == payerID } }
    }
}
