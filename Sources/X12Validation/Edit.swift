/// One edit of the validation catalog: a check a payer would reject (or warn about), with the
/// acknowledgment that reports it and a hint a biller can act on.
public struct Edit: Sendable, Hashable, Identifiable {
    /// Stable id (`CLM-004`); partners override severities and billers search by it.
    public let id: String
    /// WEDI SNIP type 1–7.
    public let snip: Int
    /// Where in the 837P it looks (`2300 CLM02`).
    public let location: String
    public let description: String
    /// What to change in the claim, in a biller's words.
    public let fixHint: String
    public let outcome: EditOutcome
    /// Rejects by default; partners may turn it into a warning or back.
    public let defaultSeverity: Severity

    public init(
        id: String, snip: Int, location: String, description: String, fixHint: String, outcome: EditOutcome,
        defaultSeverity: Severity = .reject
    ) {
        precondition((1...7).contains(snip), "SNIP types are 1 to 7")
        self.id = id
        self.snip = snip
        self.location = location
        self.description = description
        self.fixHint = fixHint
        self.outcome = outcome
        self.defaultSeverity = defaultSeverity
    }
}

public enum Severity: String, Sendable, Hashable, Codable {
    case reject
    case warning
}

/// The acknowledgment an edit's finding turns into.
public enum EditOutcome: Sendable, Hashable {
    /// TA1 with this TA105 note code; the interchange is rejected.
    case interchange(ta1NoteCode: String)
    /// 999 AK9 with this AK905 code; the group is rejected.
    case group(ak905: String)
    /// 999 IK5 R with this IK502 code.
    case transactionSet(ik502: String)
    /// 999 IK3 with this IK304 code.
    case segment(ik304: String)
    /// 999 IK3 (IK304 = 8) plus IK4 with this IK403 code.
    case element(ik403: String)
    /// 277CA claim (or line) status: `category:status[:entity]`.
    case claimStatus(category: String, status: String, entity: String? = nil)

    /// Whether it is reported on the 999 (SNIP 1–2) rather than the 277CA.
    public var isImplementationLevel: Bool {
        switch self {
        case .claimStatus: false
        default: true
        }
    }

    /// Readable form for catalogs and reports (`999 IK4 IK403=7`, `277CA A7:562:85`).
    public var summary: String {
        switch self {
        case .interchange(let code): "TA1 R/\(code)"
        case .group(let code): "999 AK905=\(code)"
        case .transactionSet(let code): "999 IK5 R IK502=\(code)"
        case .segment(let code): "999 IK3 IK304=\(code)"
        case .element(let code): "999 IK4 IK403=\(code)"
        case .claimStatus(let category, let status, let entity):
            "277CA \([category, status, entity].compactMap { $0 }.joined(separator: ":"))"
        }
    }
}
