import ClaimsCore

/// SNIP 4 on coordination of benefits: other payers named consistently and dated plausibly.
enum COBEdits {
    /// The claim-level edits as one group, then the line-level ones as one group judged per line:
    /// most claims have no other payer, and a step of the validator's loop for each of the nine
    /// edits cost them more than the edits themselves.
    static let rules: [any ClaimRule] = CheckGroup.rules(claimEdits, judge: judge) + CheckGroup.lineRules(lineEdits, detailsOnly: true, judge: judge)

    /// In the order `judge(_:_:)` gives their verdicts on the claim.
    static let claimEdits: [Edit] = [
        .business(
            "COB-011", snip: 4, "2330B NM109", "an other payer (2330B) has the destination payer's id",
            fix: "2320/2330B list the other coverages; the same payer id is right only for a second policy with the same payer.",
            "A7:479", warn: true),
        .business(
            "COB-013", snip: 4, "2330B DTP*573",
            "other payer adjudicated the claim without line detail but its adjudication date (2330B DTP*573) is missing",
            fix: "Add DTP*573 with the other payer's remittance date, or send the line adjudications (2430).", "A6:516"),
        .business(
            "COB-022", snip: 4, "2330B DTP*573", "other payer's adjudication date is before the first date of service",
            fix: "Correct the remittance date: a payer cannot adjudicate services before they are rendered.", "A7:516"),
        .business(
            "COB-023", snip: 4, "2330B DTP*573", "other payer's adjudication date is after the date the claim was received",
            fix: "Correct the remittance date; it cannot be in the future.", "A7:516"),
        .business(
            "COB-004", snip: 5, "2320/2430 CAS02",
            "a claim adjustment reason code (CAS02) is not in the format of the X12 CARC list (1–3 digits, or a letter and digits)",
            fix: "Copy the adjustment reason code from the other payer's remittance (e.g. 45, 2, 253, B7, P12).", "A7:521",
            warn: true),
    ]

    /// In the order `judge(_:_:_:)` gives their verdicts on a line.
    static let lineEdits: [Edit] = [
        .business(
            "COB-012", snip: 4, "2430 SVD01", "line adjudication (SVD01) names a payer that is not in any 2330B",
            fix: "SVD01 must repeat the other payer's id exactly as sent in 2330B NM109.", "A7:479"),
        .business(
            "COB-014", snip: 4, "2430 DTP*573", "line adjudication date is before the line's date of service",
            fix: "Correct the line remittance date (2430 DTP*573).", "A7:516"),
        .business(
            "COB-024", snip: 4, "2430 DTP*573", "line adjudication date is after the date the claim was received",
            fix: "Correct the line remittance date; it cannot be in the future.", "A7:516"),
        .business(
            "COB-025", snip: 4, "2430 SVD03", "the other payer adjudicated a different procedure code than the line bills",
            fix: "Report in SVD03 the code the other payer adjudicated; when it bundled or changed the code, that is expected.",
            "A7:643", warn: true),
    ]

    /// The members of `claimEdits` that fire on `claim`, each verdict named by its edit.
    @Sendable static func judge(_ claim: Claim, _ context: ClaimContext) -> UInt64 {
        var fired = Judgement()
        // COB-011
        fired.next(claim.otherPayers.contains { !$0.payerID.isEmpty && $0.payerID == claim.payer.identifier })
        // COB-013
        fired.next(lacksAdjudicationDate(claim))
        // COB-022
        fired.next(adjudicatedBeforeService(claim))
        // COB-023
        fired.next(claim.otherPayers.contains { $0.adjudicationDate.map { $0 > context.receivedDate } ?? false })
        // COB-004
        fired.next(hasMalformedReasonCode(claim))
        return fired.bits
    }

    /// The members of `lineEdits` that fire on `line`.
    @Sendable static func judge(_ line: LentLine, _ claim: Claim, _ context: ClaimContext) -> UInt64 {
        var fired = Judgement()
        // COB-012
        fired.next(namesAnotherPayer(line, claim))
        // COB-014
        fired.next(adjudicatedBeforeService(line))
        // COB-024
        fired.next(line.details.adjudications.contains { $0.adjudicationDate.map { $0 > context.receivedDate } ?? false })
        // COB-025
        fired.next(line.details.adjudications.contains { !$0.procedureCode.isEmpty && $0.procedureCode != line.procedureCode })
        return fired.bits
    }

    /// COB-022: an other payer's adjudication dated before the first date of service.
    static func adjudicatedBeforeService(_ claim: Claim) -> Bool {
        guard let first = claim.serviceDates.first else { return false }
        return claim.otherPayers.contains { $0.adjudicationDate.map { $0 < first } ?? false }
    }

    /// COB-012: a line adjudication by a payer no 2330B names.
    static func namesAnotherPayer(_ line: LentLine, _ claim: Claim) -> Bool {
        line.details.adjudications.contains { adjudication in !claim.otherPayers.contains { $0.payerID == adjudication.payerID } }
    }

    /// COB-014: a line adjudication dated before the line's date of service.
    static func adjudicatedBeforeService(_ line: LentLine) -> Bool {
        guard let from = line.serviceDateFrom else { return false }
        return line.details.adjudications.contains { $0.adjudicationDate.map { $0 < from } ?? false }
    }

    /// COB-013: an other payer that paid without line detail and without its adjudication date.
    static func lacksAdjudicationDate(_ claim: Claim) -> Bool {
        claim.otherPayers.contains { payer in
            payer.paidAmount != nil && payer.adjudicationDate == nil && !BalancingEdits.hasLineAdjudication(claim, payer.payerID)
        }
    }

    /// COB-004: a claim- or line-level adjustment reason code not shaped like a CARC.
    static func hasMalformedReasonCode(_ claim: Claim) -> Bool {
        claim.otherPayers.contains { $0.adjustments.contains { !isReasonCode($0.reason) } }
            || claim.anyLineDetails { line in
                line.details.adjudications.contains { $0.adjustments.contains { !isReasonCode($0.reason) } }
            }
    }

    /// CARC shape: 1–3 digits, or one capital letter followed by 1–3 digits.
    static func isReasonCode(_ code: String) -> Bool {
        let bytes = code.utf8
        guard (1...4).contains(bytes.count), let first = bytes.first else { return false }
        let digits = first >= 0x41 && first <= 0x5A ? bytes.dropFirst() : bytes[...]
        return !digits.isEmpty && digits.count <= 3 && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
