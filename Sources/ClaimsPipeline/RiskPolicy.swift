/// A partner's risk-review settings (`risk_threshold`, `review_mode` in partners.yaml).
public struct RiskPolicy: Sendable, Equatable {
    /// What the 277CA says about a claim held for review.
    public enum ReviewMode: String, Sendable, Codable {
        /// The 277CA reports it at once as pended (`A1:19`), and a second 277CA gives the decision.
        case pend
        /// The 277CA leaves it out; a 277CA for it is written when the reviewer decides.
        case `defer`
    }

    public static let defaultThreshold = 0.5

    /// Claims scoring above this go to review; 1 or more disables review (scores are still stored).
    public var threshold: Double
    public var reviewMode: ReviewMode

    public init(threshold: Double = RiskPolicy.defaultThreshold, reviewMode: ReviewMode = .pend) {
        self.threshold = threshold
        self.reviewMode = reviewMode
    }

    /// Whether a claim with this score is held.
    public func holds(score: Double) -> Bool { score > threshold }
}
