import ClaimsCore

/// A business edit (SNIP 3, 4, 5 or 7) over one typed claim.
public protocol ClaimRule: Sendable {
    var edit: Edit { get }
    /// Violations on `claim`; empty when it passes.
    func check(_ claim: Claim, in context: ClaimContext) -> [RuleViolation]
}

/// What a rule may know beyond the claim itself.
public struct ClaimContext: Sendable {
    /// The transaction set's BHT and submitter/receiver.
    public var header: SubmissionHeader
    /// When the gateway received the file (dates of service must not be after it).
    public var receivedDate: CalendarDate

    public init(header: SubmissionHeader, receivedDate: CalendarDate) {
        self.header = header
        self.receivedDate = receivedDate
    }
}

/// One failure of a rule, optionally pinned to a service line.
public struct RuleViolation: Sendable, Hashable {
    public var lineNumber: Int?
    public var message: String?

    public init(lineNumber: Int? = nil, message: String? = nil) {
        self.lineNumber = lineNumber
        self.message = message
    }
}

/// Per-partner validation settings: how SNIP 1–2 errors are scoped and which edits are softened
/// or hardened.
public struct ValidationProfile: Sendable, Equatable {
    public var policy: RejectionPolicy
    /// Edit id → severity, overriding the catalog's default.
    public var severityOverrides: [String: Severity]

    public init(policy: RejectionPolicy = .claimLevel, severityOverrides: [String: Severity] = [:]) {
        self.policy = policy
        self.severityOverrides = severityOverrides
    }

    public func severity(of edit: Edit) -> Severity { severityOverrides[edit.id] ?? edit.defaultSeverity }
}

/// Runs the business rules over every claim of a parsed transaction set.
public struct ClaimValidator: Sendable {
    public let rules: [any ClaimRule]

    public init(rules: [any ClaimRule]) { self.rules = rules }

    public func findings(for parsed: ParsedTransactionSet, receivedDate: CalendarDate, profile: ValidationProfile)
        -> [ClaimFinding]
    {
        let context = ClaimContext(header: parsed.header, receivedDate: receivedDate)
        var findings: [ClaimFinding] = []
        for (index, claim) in parsed.claims.enumerated() {
            for rule in rules {
                for violation in rule.check(claim, in: context) {
                    findings.append(
                        ClaimFinding(
                            edit: rule.edit, claimIndex: index, lineNumber: violation.lineNumber,
                            severity: profile.severity(of: rule.edit), message: violation.message))
                }
            }
        }
        return findings
    }
}
