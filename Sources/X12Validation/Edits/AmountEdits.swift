import ClaimsCore

/// SNIP 7 payer rules on money amounts: X12 lets an `R` value be negative or carry more than two
/// decimals, payers do not.
enum AmountEdits {
    static let rules: [any ClaimRule] = precision + negative

    static let precision: [any ClaimRule] = [
        defect("AMT-001", "2300 CLM02", "total claim charge", .claimCharge, status: "A7:697", line: false),
        defect("AMT-002", "2300 AMT*F5", "patient amount paid", .patientPaid, status: "A7:697", line: false),
        defect("AMT-003", "2320 AMT*D", "other payer paid amount", .otherPayerPaid, status: "A7:697", line: false),
        defect("AMT-004", "2320/2430 CAS03", "claim adjustment amount", .adjustment, status: "A7:697", line: false),
        defect("AMT-005", "2400 SV102", "line charge", .lineCharge, status: "A7:697", line: true),
        defect("AMT-006", "2430 SVD02", "other payer line paid amount", .linePaid, status: "A7:697", line: true),
        defect("AMT-007", "2400 PS102", "purchased service charge", .purchasedService, status: "A7:697", line: true),
        defect("AMT-008", "2400 SV104", "service units (more than three decimals)", .units, status: "A7:476", line: true),
        defect("AMT-009", "2320 AMT*A8/EAF", "other payer non-covered or patient liability amount", .otherPayerAmounts,
            status: "A7:697", line: false),
        defect("AMT-019", "2430 CAS03", "line adjustment amount", .adjustment, status: "A7:697", line: true),
    ]

    static let negative: [any ClaimRule] = [
        below("AMT-010", "2300 CLM02", "total claim charge") { claim in fires(claim.totalCharge.cents < 0) },
        below("AMT-011", "2400 SV102", "line charge") { claim in linesWhere(claim) { $0.charge.cents < 0 } },
        below("AMT-012", "2300 AMT*F5", "patient amount paid") { claim in
            fires((claim.details.patientPaid?.cents ?? 0) < 0)
        },
        below("AMT-013", "2320 AMT*D", "other payer paid amount") { claim in
            fires(claim.otherPayers.contains { ($0.paidAmount?.cents ?? 0) < 0 })
        },
        below("AMT-014", "2430 SVD02", "other payer line paid amount") { claim in
            linesWhere(claim) { line in line.details.adjudications.contains { $0.paidAmount.cents < 0 } }
        },
        below("AMT-015", "2400 PS102", "purchased service charge") { claim in
            linesWhere(claim) { ($0.details.purchasedServiceCharge?.cents ?? 0) < 0 }
        },
        below("AMT-016", "2400 AMT*T", "sales tax") { claim in linesWhere(claim) { ($0.details.salesTax?.cents ?? 0) < 0 } },
        below("AMT-017", "2400 AMT*F4", "postage claimed") { claim in linesWhere(claim) { ($0.details.postage?.cents ?? 0) < 0 } },
        below("AMT-018", "2320 AMT*A8/EAF", "non-covered amount or remaining patient liability") { claim in
            fires(
                claim.otherPayers.contains {
                    ($0.nonCoveredAmount?.cents ?? 0) < 0 || ($0.remainingLiability?.cents ?? 0) < 0
                })
        },
    ]

    static func defect(
        _ id: String, _ location: String, _ name: String, _ flag: AmountDefects, status: String, line: Bool
    ) -> any ClaimRule {
        Check(
            .business(
                id, snip: 7, location, "\(name) is not a valid amount with at most two decimal places",
                fix: "Send the amount with digits and at most two decimals (e.g. 125 or 125.50), no thousands separators.",
                status)
        ) { claim, _ in
            line ? linesWhere(claim) { $0.amountDefects.contains(flag) } : fires(claim.amountDefects.contains(flag))
        }
    }

    static func below(
        _ id: String, _ location: String, _ name: String, _ body: @escaping @Sendable (Claim) -> RuleViolations
    ) -> any ClaimRule {
        Check(
            .business(
                id, snip: 7, location, "\(name) is negative", fix: "Send amounts as zero or more; credits are not billed on a claim.",
                "A7:693")
        ) { claim, _ in body(claim) }
    }
}
