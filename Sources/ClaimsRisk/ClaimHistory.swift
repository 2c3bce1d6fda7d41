/// What the gateway knows about a claim beyond the claim itself, at the moment it is scored.
///
/// History comes from PostgreSQL in the pipeline (`risk_history`) and from the order of the
/// training data when fitting, so a claim is never scored with knowledge of its own outcome.
public struct ClaimHistory: Sendable, Hashable {
    /// Claims and rejections seen before from this billing provider.
    public var providerClaims: Int
    public var providerRejections: Int
    /// Claims and rejections seen before for this payer.
    public var payerClaims: Int
    public var payerRejections: Int
    /// Warnings from the validation stage.
    public var validationWarnings: Int
    public var duplicate: DuplicateMatch

    public init(
        providerClaims: Int = 0, providerRejections: Int = 0, payerClaims: Int = 0, payerRejections: Int = 0,
        validationWarnings: Int = 0, duplicate: DuplicateMatch = .none
    ) {
        self.providerClaims = providerClaims
        self.providerRejections = providerRejections
        self.payerClaims = payerClaims
        self.payerRejections = payerRejections
        self.validationWarnings = validationWarnings
        self.duplicate = duplicate
    }

    /// Prior rejection rate pulled towards `priorRate` by `priorWeight` pseudo-claims, so that a
    /// provider's first claim is not judged on one outcome.
    public static func smoothedRate(rejections: Int, claims: Int) -> Double {
        (Double(rejections) + priorRate * priorWeight) / (Double(claims) + priorWeight)
    }

    public static let priorRate = 0.15
    public static let priorWeight = 20.0
}

/// Whether an earlier claim looks like this one.
public enum DuplicateMatch: Sendable, Hashable {
    case none
    /// Same content but the control number.
    case exact
    /// Same provider, member, first date and procedures, other details differ.
    case near
}
