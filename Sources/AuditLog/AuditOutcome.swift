/// How an audited action ended. Extensible: other modules add their own (`"banned"`).
public struct AuditOutcome: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    public static let success: AuditOutcome = "success"
    public static let failure: AuditOutcome = "failure"
    /// Refused by policy (authentication, authorization, a size or sender check).
    public static let denied: AuditOutcome = "denied"
}
