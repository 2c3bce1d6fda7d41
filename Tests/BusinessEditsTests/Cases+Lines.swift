import ClaimsCore
import X12Validation

extension EditCases {
    static let lines: [String: EditCase] = [
        "SVC-013": .claim { $0.serviceLines[0].diagnosisPointers = [1, 3] },
        "SVC-049": .claim { $0.serviceLines[0].diagnosisPointers = [] },
        "SVC-081": .claim { $0.serviceLines[0].diagnosisPointers = [1, 1] },
        "SVC-014": .claim(setup: { $0.diagnoses.append(Diagnosis(qualifier: "ABF", code: "W010XXA"))
            $0.serviceLines[1].diagnosisPointers = [1, 3] }) { $0.serviceLines[1].diagnosisPointers = [3, 1] },
        "SVC-015": .claim { $0.diagnoses.append(Diagnosis(qualifier: "ABF", code: "E785")) },
        "SVC-018": .claim(setup: { $0.serviceLines[0].serviceDateTo = CalendarDate(year: 2025, month: 11, day: 11) }) {
            $0.serviceLines[0].serviceDateTo = CalendarDate(year: 2025, month: 11, day: 9)
        },
        "SVC-019": .claim { $0.serviceLines[0].serviceDateFrom = CalendarDate(year: 2025, month: 11, day: 21) },
        "SVC-051": .claim { $0.serviceLines[0].serviceDateTo = CalendarDate(year: 2025, month: 11, day: 20) },
        "SVC-020": .claim { $0.subscriber.birthDate = CalendarDate(year: 2025, month: 11, day: 11) },
        "SVC-021": .claim(setup: { $0.coverage.patientDeathDate = GoodClaim.serviceDate }) {
            $0.coverage.patientDeathDate = CalendarDate(year: 2025, month: 11, day: 9)
        },
        "SVC-022": .claim { $0.serviceLines[1].serviceDateFrom = CalendarDate(year: 2024, month: 12, day: 31) },
        "SVC-025": .claim { $0.serviceLines[1].details.controlNumber = "L1" },
        "SVC-043": .claim { $0.serviceLines[1] = duplicateOfFirstLine($0) },
        "SVC-009": .claim { $0.serviceLines[0].units = 0 },
        "SVC-053": .claim { $0.serviceLines[0].units = 1000 },
        "SVC-010": .claim { $0.serviceLines[0].unitBasis = "MJ" },
        "SVC-052": .claim(setup: { $0.serviceLines[0].procedureCode = "00100"; $0.serviceLines[0].unitBasis = "MJ"
            $0.serviceLines[0].units = 45 }) { $0.serviceLines[0].unitBasis = "UN" },
        "SVC-011": .claim(setup: { $0.serviceLines[0].placeOfService = "22" }) { $0.serviceLines[0].placeOfService = "11" },
        "SVC-060": .claim { $0.serviceLines[1].details.drugQuantity = 0 },
    ]

    @Sendable static func duplicateOfFirstLine(_ claim: Claim) -> ServiceLine {
        var line = claim.serviceLines[0]
        line.lineNumber = 2
        line.details.controlNumber = "L2"
        return line
    }

    static let cob: [String: EditCase] = [
        "COB-011": .claim(setup: GoodClaim.withOtherPayer) { $0.otherPayers[0].payerID = "12345" },
        "COB-012": .claim(setup: GoodClaim.withLineAdjudication) { $0.serviceLines[0].details.adjudications[0].payerID = "77777" },
        "COB-013": .claim(setup: GoodClaim.withOtherPayer) { $0.otherPayers[0].adjudicationDate = nil },
        "COB-022": .claim(setup: GoodClaim.withOtherPayer) { $0.otherPayers[0].adjudicationDate = CalendarDate(year: 2025, month: 11, day: 9) },
        "COB-023": .claim(setup: GoodClaim.withOtherPayer) { $0.otherPayers[0].adjudicationDate = CalendarDate(year: 2025, month: 11, day: 21) },
        "COB-014": .claim(setup: GoodClaim.withLineAdjudication) {
            $0.serviceLines[0].details.adjudications[0].adjudicationDate = CalendarDate(year: 2025, month: 11, day: 9)
        },
        "COB-024": .claim(setup: GoodClaim.withLineAdjudication) {
            $0.serviceLines[0].details.adjudications[0].adjudicationDate = CalendarDate(year: 2025, month: 11, day: 21)
        },
        "COB-025": .claim(setup: GoodClaim.withLineAdjudication) { $0.serviceLines[0].details.adjudications[0].procedureCode = "99212" },
        "COB-004": .claim(setup: GoodClaim.withOtherPayer) { $0.otherPayers[0].adjustments[0].reason = "45X" },
    ]
}
