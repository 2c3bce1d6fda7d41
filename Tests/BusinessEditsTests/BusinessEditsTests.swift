import ClaimsCore
import Testing
import X12Validation

/// Every business edit against a passing and a failing variant of one known-good claim.
@Suite struct BusinessEditsTests {
    static let ids = BusinessEdits.rules.map(\.edit.id)

    @Test func catalogIDsAreUnique() {
        #expect(Set(Self.ids).count == Self.ids.count)
    }

    @Test func everyCaseNamesAnEdit() {
        #expect(Set(EditCases.all.keys).subtracting(Self.ids).sorted() == [])
    }

    @Test func theGoodClaimPassesEveryEdit() {
        let context = GoodClaim.context
        let failing = BusinessEdits.rules.filter { !$0.check(GoodClaim.claim, in: context).isEmpty }.map(\.edit.id)
        #expect(failing == [])
    }

    @Test(arguments: ids)
    func editPassesAndFails(_ id: String) throws {
        let rule = try #require(BusinessEdits.rule(id))
        let testCase = try #require(EditCases.all[id], "edit \(id) has no test case in EditCases")
        var claim = GoodClaim.claim
        var context = GoodClaim.context
        testCase.setup(&claim, &context)
        #expect(rule.check(claim, in: context).isEmpty, "\(id) fires on its passing input")
        let passingFindings = BusinessEdits.rules.filter { $0.edit.defaultSeverity == .reject && !$0.check(claim, in: context).isEmpty }
        #expect(passingFindings.map(\.edit.id) == [], "\(id)'s passing input trips other rejecting edits")
        testCase.breaks(&claim, &context)
        #expect(!rule.check(claim, in: context).isEmpty, "\(id) does not fire on its failing input")
    }

    /// The validator judges a group's edits in one call (`CheckGroup`) and runs the others one by
    /// one: on every case's passing and failing claim, with and without some of a group's members
    /// disabled, it reports what the rules report one by one, in catalog order.
    @Test(arguments: [[], ["ADR-002", "BP-012", "DX-003", "DX-008"]] as [Set<String>])
    func validatorReportsWhatEachRuleReports(disabled: Set<String>) throws {
        var compared = 0
        for id in Self.ids {
            let testCase = try #require(EditCases.all[id])
            var claim = GoodClaim.claim
            var context = GoodClaim.context
            testCase.setup(&claim, &context)
            for broken in [false, true] {
                if broken { testCase.breaks(&claim, &context) }
                // The validator works out for itself whether a claim repeats an earlier one.
                guard !context.repeatsEarlierClaim else { continue }
                #expect(
                    RuleReports.validator(claim, in: context, disabled: disabled)
                        == RuleReports.alone(claim, in: context, disabled: disabled),
                    "\(id), \(broken ? "failing" : "passing") claim")
                compared += 1
            }
        }
        #expect(compared > 2 * Self.ids.count - 10, "only the cases of a claim repeated within its set are left out")
    }

    @Test func everyBusinessEditReportsOnThe277CA() {
        for edit in BusinessEdits.edits {
            #expect(!edit.outcome.isImplementationLevel, "\(edit.id)")
            #expect([3, 4, 5, 7].contains(edit.snip), "\(edit.id)")
            #expect(!edit.fixHint.isEmpty && !edit.description.isEmpty, "\(edit.id)")
        }
    }
}
