/// The whole validation catalog: the SNIP 1–2 edits the structure walk and element checks report
/// (999, TA1) and the business edits (277CA). `claimsgate rules` prints it and docs/RULES.md is
/// generated from it.
public enum EditCatalog {
    /// Every edit, SNIP 1–2 first, then the business rules, each id once.
    public static let all: [Edit] = syntaxEdits + BusinessEdits.rules.map(\.edit)

    /// The SNIP 1–2 edits: envelope, structure, element and in-transaction situational rules.
    public static let syntaxEdits: [Edit] = envelopeEdits + structureEdits + elementEdits + implementationEdits

    /// Looks an edit up by id (`SEG-008`, `CLM-004`).
    public static func edit(_ id: String) -> Edit? { byID[id] }

    static let byID: [String: Edit] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// Builds a SNIP 1–2 edit; `outcome` is the acknowledgment it produces.
    static func edit(
        _ id: String, _ snip: Int, _ location: String, _ outcome: EditOutcome, _ description: String, fix: String,
        severity: Severity = .reject
    ) -> Edit {
        Edit(id: id, snip: snip, location: location, description: description, fixHint: fix, outcome: outcome, defaultSeverity: severity)
    }
}
