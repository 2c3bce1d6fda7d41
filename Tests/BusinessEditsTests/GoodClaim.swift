import ClaimsCore
import X12Validation

/// A claim that passes every business edit, with most optional loops present so that a passing
/// edit has really looked at something; each test case mutates a copy of it.
enum GoodClaim {
    static let serviceDate = CalendarDate(year: 2025, month: 11, day: 10)!
    static let receivedDate = CalendarDate(year: 2025, month: 11, day: 20)!

    /// A valid NPI built from nine digits (Luhn check digit with the 80840 prefix).
    static func npi(_ nine: String) -> String {
        var sum = 24
        for (index, character) in nine.enumerated() {
            let digit = character.wholeNumberValue!
            if index % 2 == 0 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return nine + String((10 - sum % 10) % 10)
    }

    static func address(_ line: String = "12 MAIN ST", state: String = "NY", zip: String = "100011234") -> Address {
        Address(line1: line, city: "NEW YORK", state: state, postalCode: zip)
    }

    static func party(_ entity: String, _ nine: String, type: String = "1") -> ClaimParty {
        ClaimParty(
            entityCode: entity, entityType: type, lastOrOrganizationName: "SMITH", firstName: "ANN", npi: npi(nine),
            taxonomy: "207Q00000X", address: address("40 PARK AVE", zip: "100161234"))
    }

    static var claim: Claim {
        var lines = [
            ServiceLine(
                lineNumber: 1, procedureQualifier: "HC", procedureCode: "99213", modifiers: ["25"], charge: Amount(cents: 10_000),
                unitBasis: "UN", units: 1, diagnosisPointers: [1, 2], serviceDateFrom: serviceDate),
            ServiceLine(
                lineNumber: 2, procedureQualifier: "HC", procedureCode: "J3301", modifiers: [], charge: Amount(cents: 5_000),
                unitBasis: "UN", units: 2, diagnosisPointers: [1], serviceDateFrom: serviceDate),
        ]
        lines[0].details.controlNumber = "L1"
        lines[1].details.controlNumber = "L2"
        lines[1].details.ndcQualifier = "N4"
        lines[1].details.ndc = "00003029305"
        lines[1].details.drugQuantity = 1
        lines[1].details.drugUnit = "ML"
        var claim = Claim(
            patientControlNumber: "PCN0001", totalCharge: Amount(cents: 15_000), placeOfService: "11", frequencyCode: "1",
            billingProvider: Provider(
                entityType: "2", lastOrOrganizationName: "CLINIC", npi: npi("123456789"), taxID: "123456780",
                taxonomy: "207Q00000X", address: address()),
            subscriber: Person(
                lastName: "DOE", firstName: "JANE", memberID: "W123456789", birthDate: CalendarDate(year: 1960, month: 5, day: 1),
                gender: "F", address: address("5 ELM ST", state: "NJ", zip: "070301234")),
            patientRelationship: "18", payer: Payer(name: "PAYER", identifier: "12345", address: address("1 PAYER WAY")),
            diagnoses: [Diagnosis(qualifier: "ABK", code: "E119"), Diagnosis(qualifier: "ABF", code: "I10")],
            serviceLines: lines,
            position: ClaimPosition(interchange: 0, group: 0, transactionSet: 0, transactionSetControlNumber: "0001",
                segmentPosition: 10, billingProviderIndex: 0))
        claim.coverage.responsibility = "P"
        claim.coverage.subscriberRelationship = "18"
        claim.coverage.filingIndicator = "CI"
        claim.coverage.groupNumber = "G100"
        claim.providers.rendering = party("82", "223456789")
        claim.providers.serviceFacility = party("77", "133456789", type: "2")
        claim.providers.referring = [party("DN", "143456789")]
        claim.providers.supervising = party("DQ", "153456789")
        claim.providers.payToAddress = address("PO BOX 10", zip: "100011234")
        return claim
    }

    static var header: SubmissionHeader {
        SubmissionHeader(
            transactionSetControlNumber: "0001", purpose: "00", batchReference: "B1",
            creationDate: CalendarDate(year: 2025, month: 11, day: 19), claimOrEncounter: "CH",
            submitter: Party(entityType: "2", name: "SUBMITTER", identifier: "SUB1"),
            receiver: Party(entityType: "2", name: "GATEWAY", identifier: "CLAIMSGATE"))
    }

    static var context: ClaimContext { ClaimContext(header: header, receivedDate: receivedDate) }

    /// A secondary claim: a primary payer that adjudicated at claim level, balanced.
    static func withOtherPayer(_ claim: inout Claim) {
        claim.coverage.responsibility = "S"
        claim.otherPayers = [
            OtherPayer(
                responsibility: "P", relationship: "18", filingIndicator: "CI",
                adjustments: [Adjustment(group: "CO", reason: "45", amount: Amount(cents: 3_000))],
                paidAmount: Amount(cents: 12_000), subscriberID: "W1", payerID: "99999",
                adjudicationDate: CalendarDate(year: 2025, month: 11, day: 15))
        ]
    }

    /// The other payer adjudicated each line (2430), balanced against its AMT*D.
    static func withLineAdjudication(_ claim: inout Claim) {
        withOtherPayer(&claim)
        claim.otherPayers[0].adjustments = []
        claim.otherPayers[0].adjudicationDate = nil
        for index in claim.serviceLines.indices {
            let charge = claim.serviceLines[index].charge
            claim.serviceLines[index].details.adjudications = [
                LineAdjudication(
                    payerID: "99999", paidAmount: Amount(cents: charge.cents - 1_000),
                    procedureCode: claim.serviceLines[index].procedureCode, paidUnits: 1,
                    adjustments: [Adjustment(group: "CO", reason: "45", amount: Amount(cents: 1_000))],
                    adjudicationDate: CalendarDate(year: 2025, month: 11, day: 15))
            ]
        }
        claim.otherPayers[0].paidAmount = Amount(cents: 13_000)
    }
}
