import ClaimsCore
import Testing
@testable import X12Validation

/// The validator leaves out of its plan the partner (SNIP 7) edits a partner's rules leave
/// switched off (`Check.isSwitchedOn`): an edit must be off for a partner without rules, on where
/// its case configures it, and unable to fire while off.
@Suite struct PartnerSwitchTests {
    @Test func partnerEditsRunOnlyWhereTheirPartnerSwitchesThemOn() throws {
        let switched = BusinessEdits.rules.compactMap { $0 as? Check }.filter { $0.isSwitchedOn != nil }
        #expect(switched.map(\.edit.id) == BusinessEdits.edits.map(\.id).filter { $0.hasPrefix("TP-") })
        for check in switched {
            let id = check.edit.id
            #expect(check.isSwitchedOn?(PartnerRules()) == false, "\(id) is on for a partner without rules")
            let testCase = try #require(EditCases.all[id])
            var claim = GoodClaim.claim
            var context = GoodClaim.context
            testCase.setup(&claim, &context)
            testCase.breaks(&claim, &context)
            #expect(check.isSwitchedOn?(context.partner) == true, "\(id) is off where its case switches it on")
            #expect(!check.check(claim, in: context).isEmpty, "\(id) does not fire on its failing claim")
            context.partner = PartnerRules()
            #expect(check.check(claim, in: context).isEmpty, "\(id) fires while switched off")
        }
    }
}
