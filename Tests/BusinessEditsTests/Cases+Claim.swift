import ClaimsCore
import X12Validation

extension EditCases {
    static let balancing: [String: EditCase] = [
        "CLM-004": .claim { $0.totalCharge = Amount(cents: 14_999) },
        "CLM-032": .claim(setup: { $0.details.patientPaid = Amount(cents: 2_000) }) { $0.details.patientPaid = Amount(cents: 20_000) },
        "COB-006": .claim(setup: GoodClaim.withOtherPayer) { $0.otherPayers[0].paidAmount = Amount(cents: 11_000) },
        "COB-007": .claim(setup: GoodClaim.withLineAdjudication) {
            $0.serviceLines[0].details.adjudications[0].adjustments[0].amount = Amount(cents: 500)
        },
        "COB-008": .claim(setup: GoodClaim.withLineAdjudication) { $0.otherPayers[0].paidAmount = Amount(cents: 12_000) },
        "COB-017": .claim(setup: GoodClaim.withOtherPayer) { $0.otherPayers[0].paidAmount = Amount(cents: 16_000) },
        "COB-019": .claim(setup: { GoodClaim.withOtherPayer(&$0); $0.otherPayers[0].remainingLiability = Amount(cents: 100) }) {
            $0.otherPayers[0].remainingLiability = Amount(cents: 15_001)
        },
        "COB-020": .claim(setup: { GoodClaim.withOtherPayer(&$0); $0.otherPayers[0].nonCoveredAmount = Amount(cents: 100) }) {
            $0.otherPayers[0].nonCoveredAmount = Amount(cents: 15_001)
        },
        "COB-018": .claim(setup: GoodClaim.withOtherPayer) { $0.otherPayers[0].adjustments.append(Adjustment(group: "PR", reason: "1", amount: .zero)) },
        "SVC-034": .claim(setup: { $0.serviceLines[0].details.purchasedServiceCharge = Amount(cents: 5_000) }) {
            $0.serviceLines[0].details.purchasedServiceCharge = Amount(cents: 10_001)
        },
        "SVC-047": .claim(setup: GoodClaim.withLineAdjudication) { $0.serviceLines[0].details.adjudications[0].paidAmount = Amount(cents: 10_001) },
        "SVC-048": .claim(setup: GoodClaim.withLineAdjudication) { $0.serviceLines[0].details.adjudications[0].paidUnits = 3 },
        "SVC-071": .claim(setup: { $0.serviceLines[0].details.salesTax = Amount(cents: 500) }) {
            $0.serviceLines[0].details.salesTax = Amount(cents: 10_001)
        },
    ]

    static let situational: [String: EditCase] = [
        "CLM-010": .claim(setup: { $0.frequencyCode = "7"; $0.originalReference = "PAYER123" }) { $0.originalReference = nil },
        "CLM-011": .claim { $0.originalReference = "PAYER123" },
        "PAT-007": .claim { $0.coverage.subscriberRelationship = "" },
        "PAT-008": .claim { $0.patient = Person(lastName: "KID", birthDate: CalendarDate(year: 2010, month: 1, day: 1), gender: "M") },
        "SUB-010": .claim { $0.subscriber.birthDate = nil },
        "SUB-008": .claim { $0.subscriber.address = nil },
        "SBR-002": .claim { $0.coverage.responsibility = "S" },
        "SBR-011": .claim(setup: GoodClaim.withOtherPayer) { $0.otherPayers[0].responsibility = "S" },
        "SBR-005": .claim(setup: { GoodClaim.withOtherPayer(&$0); $0.coverage.filingIndicator = "MB"; $0.coverage.insuranceType = "12";
            $0.subscriber.memberID = "1EG4TE5MK73" }) { $0.coverage.insuranceType = nil },
        "SBR-009": .claim(setup: { $0.coverage.patientDeathDate = GoodClaim.serviceDate }) {
            $0.coverage.patientDeathDate = CalendarDate(year: 1950, month: 1, day: 1)
        },
        "SBR-012": .claim(setup: { $0.coverage.patientDeathDate = GoodClaim.serviceDate }) {
            $0.coverage.patientDeathDate = CalendarDate(year: 2026, month: 1, day: 1)
        },
        "SBR-010": .claim(setup: { $0.coverage.pregnant = true }) { $0.subscriber.gender = "M" },
        "CLM-019": .claim(setup: { $0.details.relatedCauses = ["AA"]; $0.details.accidentState = "NY"
            $0.details.dates.accident = CalendarDate(year: 2025, month: 11, day: 1) }) { $0.details.accidentState = nil },
        "CLM-020": .claim(setup: { $0.details.relatedCauses = ["OA"]; $0.details.dates.accident = CalendarDate(year: 2025, month: 11, day: 1) }) {
            $0.details.dates.accident = nil
        },
        "CLM-060": .claim(setup: { $0.details.relatedCauses = ["OA"]; $0.details.dates.accident = CalendarDate(year: 2025, month: 11, day: 1) }) {
            $0.details.relatedCauses = []
        },
        "CLM-027": .claim(setup: { $0.details.dates.lastMenstrualPeriod = CalendarDate(year: 2025, month: 10, day: 1) }) { $0.subscriber.gender = "M" },
        "CLM-030": .claim(setup: { $0.details.attachments = [Attachment(reportType: "OZ", transmission: "FX", controlNumber: "A1")] }) {
            $0.details.attachments[0].controlNumber = nil
        },
        "CLM-039": .claim(setup: ambulance) { $0.details.ambulance = nil },
        "CLM-041": .claim(setup: ambulance) { $0.providers.ambulanceDropOff = nil },
        "CLM-072": .claim(setup: ambulance) { $0.details.ambulance?.miles = 0 },
        "CLM-026": .claim(setup: { $0.placeOfService = "21"; $0.details.dates.admission = GoodClaim.serviceDate }) { $0.details.dates.admission = nil },
        "CLM-064": .claim(setup: { $0.details.dates.admission = GoodClaim.serviceDate; $0.details.dates.discharge = GoodClaim.serviceDate }) {
            $0.details.dates.admission = nil
        },
        "CLM-067": .claim(setup: { $0.serviceLines[0].modifiers = ["54"]; $0.details.dates.assumedCare = GoodClaim.serviceDate }) {
            $0.details.dates.assumedCare = nil
        },
        "PAT-006": .claim(setup: dependent) { $0.patient?.birthDate = CalendarDate(year: 1950, month: 1, day: 1) },
        "PRV-004": .claim {
            let npi = $0.billingProvider.npi
            $0.providers.rendering?.npi = npi
        },
        "PRV-016": .claim(setup: { $0.serviceLines[0].details.rendering = GoodClaim.party("82", "163456789") }) {
            let rendering = $0.providers.rendering
            $0.serviceLines[0].details.rendering = rendering
        },
        "PRV-010": .claim {
            let address = $0.billingProvider.address
            $0.providers.serviceFacility?.address = address
        },
        "PRV-017": .claim { $0.placeOfService = "12" },
    ]

    @Sendable static func ambulance(_ claim: inout Claim) {
        claim.serviceLines[0].procedureCode = "A0425"
        claim.serviceLines[0].modifiers = []
        claim.details.ambulance = AmbulanceTransport(miles: 12)
        claim.providers.ambulancePickUp = GoodClaim.address("1 PICKUP RD")
        claim.providers.ambulanceDropOff = GoodClaim.address("2 HOSPITAL DR")
    }

    @Sendable static func dependent(_ claim: inout Claim) {
        claim.coverage.subscriberRelationship = ""
        claim.patientRelationship = "19"
        claim.patient = Person(
            lastName: "DOE", firstName: "KID", birthDate: CalendarDate(year: 2010, month: 3, day: 1), gender: "M",
            address: GoodClaim.address("5 ELM ST", state: "NJ", zip: "070301234"))
    }
}
