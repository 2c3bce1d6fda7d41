import ClaimsCore
import Testing
import X12Validation

/// Line groups that read only a line's details pass over lines whose details were never written
/// (`CheckGroup.lineRules(detailsOnly:)`). On lines like that, odd in every other way, the
/// validator must still report what each rule asked alone reports: a group wrongly declared
/// details-only would miss what its judge finds outside the details.
@Suite struct LinesWithoutDetailsTests {
    @Test func theValidatorReportsWhatEachRuleReports() {
        let date = GoodClaim.serviceDate
        let lines = [
            ServiceLine(
                lineNumber: 1, procedureQualifier: "HC", procedureCode: "ZZZZZ", modifiers: ["LT", "RT", "LT"],
                charge: Amount(cents: -500), unitBasis: "MJ", units: 0, placeOfService: "99", diagnosisPointers: [9],
                serviceDateFrom: date, serviceDateTo: date.adding(days: -3)),
            ServiceLine(
                lineNumber: 2, procedureQualifier: "HC", procedureCode: "99213", modifiers: [], charge: Amount(cents: 0),
                unitBasis: "UN", units: 1_000, diagnosisPointers: [], serviceDateFrom: GoodClaim.receivedDate.adding(days: 30)),
        ]
        #expect(lines.allSatisfy { $0.$details == ObjectIdentifier(LineDetails.emptyBox) })
        var claim = GoodClaim.claim
        claim.serviceLines = lines
        let context = GoodClaim.context
        let expected = RuleReports.alone(claim, in: context)
        #expect(RuleReports.validator(claim, in: context) == expected)
        #expect(expected.contains("SVC-034 line 1"), "a negative charge, which a details-only balancing group would miss")
    }
}
