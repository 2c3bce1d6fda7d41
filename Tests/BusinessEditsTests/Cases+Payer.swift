import ClaimsCore
import X12Validation

extension EditCases {
    static let payer: [String: EditCase] = [
        "CLM-005": EditCase({ claim, _ in
            claim.totalCharge = .zero
            for index in claim.serviceLines.indices { claim.serviceLines[index].charge = .zero }
        }),
        "SVC-007": .claim { $0.serviceLines[0].charge = .zero; $0.totalCharge = Amount(cents: 5_000) },
        "SUB-005": .claim(setup: { $0.coverage.filingIndicator = "MB"; $0.subscriber.memberID = "1EG4TE5MK73" }) {
            $0.subscriber.memberID = "123456789A"
        },
        "SUB-019": .claim { $0.subscriber.memberID = "W123-456 789" },
        "CLM-001": .claim { $0.patientControlNumber = "PCN-0001-0002-0003-0004" },
    ]

    static let amounts: [String: EditCase] = {
        var cases: [String: EditCase] = [:]
        let flags: [(String, AmountDefects, Bool)] = [
            ("AMT-001", .claimCharge, false), ("AMT-002", .patientPaid, false), ("AMT-003", .otherPayerPaid, false),
            ("AMT-004", .adjustment, false), ("AMT-005", .lineCharge, true), ("AMT-006", .linePaid, true),
            ("AMT-007", .purchasedService, true), ("AMT-008", .units, true), ("AMT-009", .otherPayerAmounts, false),
            ("AMT-019", .adjustment, true),
        ]
        for (id, flag, line) in flags {
            cases[id] = .claim { claim in
                if line { claim.serviceLines[0].amountDefects.insert(flag) } else { claim.amountDefects.insert(flag) }
            }
        }
        let minus = Amount(cents: -100)
        cases["AMT-010"] = .claim { $0.totalCharge = minus }
        cases["AMT-011"] = .claim { $0.serviceLines[0].charge = minus }
        cases["AMT-012"] = .claim(setup: { $0.details.patientPaid = .zero }) { $0.details.patientPaid = minus }
        cases["AMT-013"] = .claim(setup: GoodClaim.withOtherPayer) { $0.otherPayers[0].paidAmount = minus }
        cases["AMT-014"] = .claim(setup: GoodClaim.withLineAdjudication) { $0.serviceLines[0].details.adjudications[0].paidAmount = minus }
        cases["AMT-015"] = .claim(setup: { $0.serviceLines[0].details.purchasedServiceCharge = .zero }) {
            $0.serviceLines[0].details.purchasedServiceCharge = minus
        }
        cases["AMT-016"] = .claim(setup: { $0.serviceLines[0].details.salesTax = .zero }) { $0.serviceLines[0].details.salesTax = minus }
        cases["AMT-017"] = .claim(setup: { $0.serviceLines[0].details.postage = .zero }) { $0.serviceLines[0].details.postage = minus }
        cases["AMT-018"] = .claim(setup: GoodClaim.withOtherPayer) { $0.otherPayers[0].remainingLiability = minus }
        return cases
    }()

    static let duplicates: [String: EditCase] = [
        "DUP-001": EditCase({ claim, context in
            context.priorSubmissions = [ClaimKey(claim, submitter: context.header.submitter.identifier)]
        }),
        "DUP-002": EditCase({ _, context in context.repeatsEarlierClaim = true }),
    ]
}
