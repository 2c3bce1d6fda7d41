import ClaimsCore

/// The business edit catalog (SNIP 3, 4, 5, 7): every `ClaimRule` the gateway runs, in catalog
/// order. Ids are stable: partners override severities by id and billers search for them.
public enum BusinessEdits {
    public static let rules: [any ClaimRule] =
        BalancingEdits.rules + SituationalEdits.rules + DateEdits.rules + LineEdits.rules + COBEdits.rules
        + DiagnosisEdits.rules + ProcedureEdits.rules + ProviderIdentifierEdits.rules + AddressEdits.rules
        + PayerEdits.rules + AmountEdits.rules + PartnerEdits.rules + DuplicateEdits.rules

    /// The catalog entries of `rules`.
    public static var edits: [Edit] { rules.map(\.edit) }

    /// The rule with `id`, for the duplicate pass that runs after the database look-up.
    public static func rule(_ id: String) -> (any ClaimRule)? { rules.first { $0.edit.id == id } }
}
