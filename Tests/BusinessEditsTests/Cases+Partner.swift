import ClaimsCore
import X12Validation

extension EditCases {
    static let partner: [String: EditCase] = [
        "TP-001": .partner({ $0.zipPlusFourRequired = true }) {
            $0.subscriber.address?.postalCode = "07030"
        },
        "TP-002": .partner({ $0.zipPlusFourRequired = true }, setup: dependent) {
            $0.patient?.address?.postalCode = "07030"
        },
        "TP-003": .partner({ $0.zipPlusFourRequired = true }) { $0.providers.payToAddress?.postalCode = "10001" },
        "TP-004": .partner({ $0.billingTaxonomyRequired = true }) { $0.billingProvider.taxonomy = nil },
        "TP-005": .partner({ $0.renderingTaxonomyRequired = true }) { $0.providers.rendering?.taxonomy = nil },
        "TP-006": .partner({ $0.medicarePayerIDs = ["12345"] }, setup: { $0.subscriber.memberID = "1EG4TE5MK73" }) {
            $0.subscriber.memberID = "W123456789"
        },
        "TP-007": .partner({ $0.allowedPayerIDs = ["12345"] }) { $0.payer.identifier = "54321" },
        "TP-008": .partner({ $0.allowedFilingIndicators = ["CI"] }) { $0.coverage.filingIndicator = "HM" },
        "TP-009": .partner({ $0.enrolledBillingNPIs = [GoodClaim.npi("123456789")] }) { $0.billingProvider.npi = GoodClaim.npi("198765432") },
        "TP-010": .partner({ $0.timelyFilingDays = 90 }) { $0.serviceLines[0].serviceDateFrom = CalendarDate(year: 2025, month: 1, day: 2) },
        "TP-011": .partner({ $0.renderingRequiredForOrganizations = true }) { $0.providers.rendering = nil },
        "TP-012": .partner({ $0.groupNumberRequired = true }) { $0.coverage.groupNumber = nil },
        "TP-013": .partner({ $0.memberIDMinLength = 9; $0.memberIDMaxLength = 12 }) { $0.subscriber.memberID = "W1234" },
        "TP-014": .partner({ $0.memberIDPrefixes = ["W1"] }) { $0.subscriber.memberID = "X123456789" },
        "TP-015": .partner({ $0.priorAuthorizationCodes = ["J3301"] }, setup: { $0.serviceLines[1].details.priorAuthorization = "AUTH1" }) {
            $0.serviceLines[1].details.priorAuthorization = nil
        },
        "TP-016": .partner({ $0.cliaRequiredForLab = true }, setup: { $0.serviceLines[0].procedureCode = "85025"
            $0.details.cliaNumber = "12D3456789" }) { $0.details.cliaNumber = nil },
        "TP-017": .partner({ $0.ndcRequiredForDrugs = true }) { $0.serviceLines[1].details.ndc = nil },
        "TP-018": .partner({ $0.orderingProviderRequiredForDME = true }, setup: { $0.serviceLines[1].procedureCode = "E0110"
            $0.serviceLines[1].details.ordering = GoodClaim.party("DK", "193456789") }) { $0.serviceLines[1].details.ordering = nil },
        "TP-019": EditCase(setup: { _, context in context.partner.encountersRefused = true }) { _, context in
            context.header.claimOrEncounter = "RP"
        },
        "TP-020": .partner({ $0.maxPatientControlNumberLength = 10 }) { $0.patientControlNumber = "PCN00000001" },
        "TP-021": .partner({ $0.maxServiceLines = 2 }) { $0.serviceLines.append(duplicateOfFirstLine($0)) },
        "TP-022": .partner({ $0.referringProviderRequired = true }) { $0.providers.referring = [] },
    ]
}
