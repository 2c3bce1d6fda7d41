/// One scored claim as `claim_risk` keeps it.
public struct ClaimRiskRecord: Sendable, Equatable {
    public var claimIndex: Int
    public var score: Double
    /// The partner's threshold when the claim was scored.
    public var threshold: Double
    public var modelVersion: String
    public var features: [Double]
    /// JSON array of the top factors (`[{"feature":…,"value":…,"contribution":…}]`).
    public var topFactorsJSON: String
    public var fingerprint: Int64
    public var nearFingerprint: Int64

    public init(
        claimIndex: Int, score: Double, threshold: Double, modelVersion: String, features: [Double],
        topFactorsJSON: String, fingerprint: Int64, nearFingerprint: Int64
    ) {
        self.claimIndex = claimIndex
        self.score = score
        self.threshold = threshold
        self.modelVersion = modelVersion
        self.features = features
        self.topFactorsJSON = topFactorsJSON
        self.fingerprint = fingerprint
        self.nearFingerprint = nearFingerprint
    }
}

/// Claims and rejections counted for one provider or payer.
public struct OutcomeCounts: Sendable, Hashable {
    public var claims: Int
    public var rejections: Int

    public init(claims: Int = 0, rejections: Int = 0) {
        self.claims = claims
        self.rejections = rejections
    }
}

/// One claim's contribution to the outcome history: its provider (NPI), payer id, and whether it
/// was rejected.
public struct OutcomeEvent: Sendable, Hashable {
    public var provider: String
    public var payer: String
    public var rejected: Bool

    public init(provider: String, payer: String, rejected: Bool) {
        self.provider = provider
        self.payer = payer
        self.rejected = rejected
    }
}

/// A file's claim outcomes counted by billing provider and by payer: what the history gains.
public struct OutcomeTally: Sendable {
    public private(set) var providers: [String: OutcomeCounts] = [:]
    public private(set) var payers: [String: OutcomeCounts] = [:]

    public init() {}

    public mutating func add(_ event: OutcomeEvent) {
        providers[event.provider, default: OutcomeCounts()].count(rejected: event.rejected)
        payers[event.payer, default: OutcomeCounts()].count(rejected: event.rejected)
    }
}

extension OutcomeCounts {
    mutating func count(rejected: Bool) {
        claims += 1
        if rejected { rejections += 1 }
    }
}
