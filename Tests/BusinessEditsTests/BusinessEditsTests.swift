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

    @Test func everyBusinessEditReportsOnThe277CA() {
        for edit in BusinessEdits.edits {
            #expect(!edit.outcome.isImplementationLevel, "\(edit.id)")
            #expect([3, 4, 5, 7].contains(edit.snip), "\(edit.id)")
            #expect(!edit.fixHint.isEmpty && !edit.description.isEmpty, "\(edit.id)")
        }
    }
}
