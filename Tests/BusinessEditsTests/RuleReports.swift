import ClaimsCore
import X12Validation

/// What the catalog's rules report on one claim, as `ID` or `ID line N`: asked one by one, or
/// through the validator, for tests that compare the two.
enum RuleReports {
    /// Each rule asked alone, in catalog order, the `disabled` ones left out.
    static func alone(_ claim: Claim, in context: ClaimContext, disabled: Set<String> = []) -> [String] {
        BusinessEdits.rules.filter { !disabled.contains($0.edit.id) }.flatMap { rule in
            switch rule.check(claim, in: context) {
            case .none: [String]()
            case .claim(let times): Array(repeating: rule.edit.id, count: times)
            case .lines(let numbers): numbers.map { "\(rule.edit.id) line \($0)" }
            }
        }
    }

    /// The validator on a set of the claim alone.
    static func validator(_ claim: Claim, in context: ClaimContext, disabled: Set<String> = []) -> [String] {
        let findings = ClaimValidator(rules: BusinessEdits.rules, codeSets: context.codeSets).findings(
            for: ParsedTransactionSet(header: context.header, claims: [claim], structureErrors: []),
            receivedDate: context.receivedDate, profile: ValidationProfile(disabledEdits: disabled, rules: context.partner),
            priorSubmissions: context.priorSubmissions)
        return findings.map { finding in finding.lineNumber.map { "\(finding.edit.id) line \($0)" } ?? finding.edit.id }
    }
}
