import ClaimsCore

/// A claim whose outcome is known, as training and evaluation read it.
public struct LabelledClaim: Sendable {
    public var claim: Claim
    /// BHT04 of its transaction set.
    public var submittedOn: CalendarDate?
    /// Validation warnings it drew.
    public var validationWarnings: Int
    /// True when the payer denied or rejected it (or a reviewer rejected it).
    public var denied: Bool

    public init(claim: Claim, submittedOn: CalendarDate?, validationWarnings: Int = 0, denied: Bool) {
        self.claim = claim
        self.submittedOn = submittedOn
        self.validationWarnings = validationWarnings
        self.denied = denied
    }

    /// Whether the claim belongs to the held-out split: one claim in five, by a hash of its
    /// control number, so that every command splits the same claims the same way.
    public var isHeldOut: Bool { Self.isHeldOut(patientControlNumber: claim.patientControlNumber) }

    public static func isHeldOut(patientControlNumber: String) -> Bool {
        var hash = FNV1a()
        hash.add(patientControlNumber)
        return hash.value % 5 == 0
    }
}
