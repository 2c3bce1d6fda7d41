import ClaimsCore

/// SNIP 7 payer rules on money amounts: X12 lets an `R` value be negative or carry more than two
/// decimals, payers do not.
enum AmountEdits {
    static let rules: [any ClaimRule] = precision + negative

    /// Amounts whose text was not a valid two-decimal amount, as the parser flagged them: the
    /// claim's and then the lines'. Each level is one group judged by one look at its flags,
    /// where an edit per amount cost every claim ten steps of the validator's loop.
    static let precision: [any ClaimRule] = {
        let claimLevel: [(Edit, AmountDefects)] = [
            defect("AMT-001", "2300 CLM02", "total claim charge", .claimCharge),
            defect("AMT-002", "2300 AMT*F5", "patient amount paid", .patientPaid),
            defect("AMT-003", "2320 AMT*D", "other payer paid amount", .otherPayerPaid),
            defect("AMT-004", "2320/2430 CAS03", "claim adjustment amount", .adjustment),
            defect("AMT-009", "2320 AMT*A8/EAF", "other payer non-covered or patient liability amount", .otherPayerAmounts),
        ]
        let lineLevel: [(Edit, AmountDefects)] = [
            defect("AMT-005", "2400 SV102", "line charge", .lineCharge),
            defect("AMT-006", "2430 SVD02", "other payer line paid amount", .linePaid),
            defect("AMT-007", "2400 PS102", "purchased service charge", .purchasedService),
            defect("AMT-008", "2400 SV104", "service units (more than three decimals)", .units, status: "A7:476"),
            defect("AMT-019", "2430 CAS03", "line adjustment amount", .adjustment),
        ]
        let claimFlags = claimLevel.map(\.1), lineFlags = lineLevel.map(\.1)
        return CheckGroup.rules(claimLevel.map(\.0)) { claim, _ in bits(claim.amountDefects, claimFlags) }
            + CheckGroup.lineRules(lineLevel.map(\.0)) { line, _, _ in bits(line.amountDefects, lineFlags) }
    }()

    /// Negative amounts, the claim's and then the lines', each level one group.
    static let negative: [any ClaimRule] =
        CheckGroup.rules([
            below("AMT-010", "2300 CLM02", "total claim charge"),
            below("AMT-012", "2300 AMT*F5", "patient amount paid"),
            below("AMT-013", "2320 AMT*D", "other payer paid amount"),
            below("AMT-018", "2320 AMT*A8/EAF", "non-covered amount or remaining patient liability"),
        ]) { claim, _ in
            bit(0, claim.totalCharge.cents < 0) | bit(1, (claim.details.patientPaid?.cents ?? 0) < 0)
                | bit(2, claim.otherPayers.contains { ($0.paidAmount?.cents ?? 0) < 0 })
                | bit(3, claim.otherPayers.contains { ($0.nonCoveredAmount?.cents ?? 0) < 0 || ($0.remainingLiability?.cents ?? 0) < 0 })
        }
        + CheckGroup.lineRules([
            below("AMT-011", "2400 SV102", "line charge"),
            below("AMT-014", "2430 SVD02", "other payer line paid amount"),
            below("AMT-015", "2400 PS102", "purchased service charge"),
            below("AMT-016", "2400 AMT*T", "sales tax"),
            below("AMT-017", "2400 AMT*F4", "postage claimed"),
        ]) { line, _, _ in
            bit(0, line.charge.cents < 0) | bit(1, line.details.adjudications.contains { $0.paidAmount.cents < 0 })
                | bit(2, (line.details.purchasedServiceCharge?.cents ?? 0) < 0) | bit(3, (line.details.salesTax?.cents ?? 0) < 0)
                | bit(4, (line.details.postage?.cents ?? 0) < 0)
        }

    /// Bit `i` set when `defects` holds `flags[i]`.
    @inline(__always) static func bits(_ defects: AmountDefects, _ flags: [AmountDefects]) -> UInt64 {
        guard !defects.isEmpty else { return 0 }
        return flags.indices.reduce(0) { fired, slot in fired | bit(slot, defects.contains(flags[slot])) }
    }

    static func defect(
        _ id: String, _ location: String, _ name: String, _ flag: AmountDefects, status: String = "A7:697"
    ) -> (Edit, AmountDefects) {
        let edit = Edit.business(
            id, snip: 7, location, "\(name) is not a valid amount with at most two decimal places",
            fix: "Send the amount with digits and at most two decimals (e.g. 125 or 125.50), no thousands separators.", status)
        return (edit, flag)
    }

    static func below(_ id: String, _ location: String, _ name: String) -> Edit {
        .business(
            id, snip: 7, location, "\(name) is negative", fix: "Send amounts as zero or more; credits are not billed on a claim.",
            "A7:693")
    }
}
