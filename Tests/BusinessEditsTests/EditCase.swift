import ClaimsCore
import X12Validation

/// How to make one edit pass and fail: `setup` turns the good claim into one the edit applies to
/// (still passing), `breaks` then makes it fail.
struct EditCase: Sendable {
    typealias Mutation = @Sendable (inout Claim, inout ClaimContext) -> Void
    var setup: Mutation
    var breaks: Mutation

    init(setup: @escaping Mutation = { _, _ in }, _ breaks: @escaping Mutation) {
        self.setup = setup
        self.breaks = breaks
    }

    /// A case that only changes the claim.
    static func claim(
        setup: @escaping @Sendable (inout Claim) -> Void = { _ in }, _ breaks: @escaping @Sendable (inout Claim) -> Void
    ) -> EditCase {
        EditCase(setup: { claim, _ in setup(&claim) }, { claim, _ in breaks(&claim) })
    }

    /// A case for a partner rule: `rules` switches it on (passing), `breaks` makes it fail.
    static func partner(
        _ rules: @escaping @Sendable (inout PartnerRules) -> Void, setup: @escaping @Sendable (inout Claim) -> Void = { _ in },
        _ breaks: @escaping @Sendable (inout Claim) -> Void
    ) -> EditCase {
        EditCase(setup: { claim, context in rules(&context.partner); setup(&claim) }, { claim, _ in breaks(&claim) })
    }
}

/// Every edit's test case, by edit id; a new edit without an entry here fails `everyEditHasACase`.
enum EditCases {
    static let all: [String: EditCase] = [balancing, situational, dates, lines, cob, diagnoses, procedures, identifiers,
        addresses, payer, amounts, partner, duplicates].reduce(into: [:]) { result, family in
        result.merge(family) { first, _ in first }
    }
}
