/// A business edit (SNIP 3–7) that fired on one claim: reported on the 277CA, never the 999.
public struct ClaimFinding: Sendable, Hashable {
    public var edit: Edit
    /// Index of the claim in its parsed transaction set.
    public var claimIndex: Int
    /// LX01 of the service line, for line-level edits.
    public var lineNumber: Int?
    /// Severity after the partner's overrides.
    public var severity: Severity
    /// Plain-language reason, free of data values (no PHI).
    public var message: String

    public init(edit: Edit, claimIndex: Int, lineNumber: Int? = nil, severity: Severity? = nil, message: String? = nil) {
        self.edit = edit
        self.claimIndex = claimIndex
        self.lineNumber = lineNumber
        self.severity = severity ?? edit.defaultSeverity
        self.message = message ?? edit.description
    }
}
