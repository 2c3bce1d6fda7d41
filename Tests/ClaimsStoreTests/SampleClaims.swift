import ClaimsCore
import ClaimsStore

/// Synthetic claims for store tests (invented values, no real people).
enum SampleClaims {
    static func claim(
        _ number: Int, lines: Int = 2, patientControlNumber: String? = nil, payerName: String = "ACME HEALTH PLAN"
    ) -> Claim {
        let serviceLines = (1...max(lines, 1)).map { line in
            ServiceLine(
                lineNumber: line, procedureQualifier: "HC", procedureCode: "9921\(line % 10)",
                modifiers: line == 1 ? ["25"] : [], charge: Amount(cents: 5_000 + Int64(line)), unitBasis: "UN",
                units: 1, diagnosisPointers: [1, 2], serviceDateFrom: CalendarDate(year: 2024, month: 3, day: line),
                serviceDateTo: nil)
        }
        return Claim(
            patientControlNumber: patientControlNumber ?? "PCN\(number)",
            totalCharge: serviceLines.reduce(.zero) { $0 + $1.charge }, placeOfService: "11", frequencyCode: "1",
            billingProvider: Provider(
                entityType: "2", lastOrOrganizationName: "CLINIC", npi: "1234567893", taxID: "123456789",
                address: nil),
            subscriber: Person(lastName: "DOE", firstName: "JANE", memberID: "M\(number)"),
            patientRelationship: "18", payer: Payer(name: payerName, identifier: "PAYER1"),
            diagnoses: [Diagnosis(qualifier: "ABK", code: "J449"), Diagnosis(qualifier: "ABF", code: "I10")],
            serviceLines: serviceLines,
            position: ClaimPosition(
                interchange: 0, group: 0, transactionSet: 0, transactionSetControlNumber: "0001",
                segmentPosition: 20 + number, billingProviderIndex: 0))
    }

    static func outcomes(_ count: Int, lines: Int = 2) -> [ClaimRow] {
        (0..<count).map { ClaimRow(claim: claim($0, lines: lines), state: $0 % 3 == 0 ? .review : .accepted) }
    }

    static let sha = String(repeating: "ab", count: 32)
}
