import ClaimsCore
import Foundation

/// Scores claims with a model: the probability, in [0, 1], that the payer denies or rejects the
/// claim, and the features that pushed it up most.
///
/// Standardisation is folded into the weights once, so a score is one dot product and a logistic.
public struct RiskScorer: Sendable {
    public let model: RiskModel
    public let extractor: FeatureExtractor
    private let foldedWeights: [Double]
    private let foldedIntercept: Double
    /// `RiskFeature.allCases` once (the synthesised property builds a new array on every call).
    private static let features = RiskFeature.allCases

    public init(model: RiskModel) throws {
        try model.validate()
        self.model = model
        extractor = FeatureExtractor(charges: model.charges)
        foldedWeights = zip(model.weights, model.scales).map { $0 / $1 }
        foldedIntercept = model.intercept - zip(foldedWeights, model.means).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The probability for a feature vector.
    public func probability(_ x: [Double]) -> Double {
        var z = foldedIntercept
        for i in 0..<foldedWeights.count { z += foldedWeights[i] * x[i] }
        return Logistic.sigmoid(z)
    }

    /// Score and top contributions for one claim.
    public func score(
        _ claim: Claim, submittedOn submission: CalendarDate?, history: ClaimHistory, topCount: Int = 3
    ) -> RiskAssessment {
        let x = extractor.features(of: claim, submittedOn: submission, history: history)
        return assessment(x, topCount: topCount)
    }

    /// Score and top contributions for a feature vector.
    public func assessment(_ x: [Double], topCount: Int = 3) -> RiskAssessment {
        RiskAssessment(score: probability(x), features: x, topFactors: topFactors(x, count: topCount))
    }

    /// The features that raised the log-odds most above an average claim's (weight × standardised
    /// value), largest first, only those that raised it.
    public func topFactors(_ x: [Double], count: Int) -> [RiskFactor] {
        var top: [RiskFactor] = []
        top.reserveCapacity(count + 1)
        for i in 0..<x.count {
            let contribution = foldedWeights[i] * (x[i] - model.means[i])
            guard contribution > 0 else { continue }
            if top.count == count, let last = top.last, last.contribution >= contribution { continue }
            let factor = RiskFactor(feature: Self.features[i], value: x[i], contribution: contribution)
            let position = top.firstIndex { $0.contribution < contribution } ?? top.count
            top.insert(factor, at: position)
            if top.count > count { top.removeLast() }
        }
        return top
    }
}

/// One claim's score.
public struct RiskAssessment: Sendable, Equatable {
    /// Probability of denial, in [0, 1].
    public var score: Double
    /// The feature vector the score came from (`RiskFeature` order), kept for retraining.
    public var features: [Double]
    public var topFactors: [RiskFactor]
}

/// A feature's push on one claim's log-odds.
public struct RiskFactor: Sendable, Equatable, Codable {
    public var feature: RiskFeature
    public var value: Double
    /// Added log-odds relative to an average training claim.
    public var contribution: Double

    /// The factor as a JSON object with sorted keys, written directly: a `JSONEncoder` per claim
    /// cost more than scoring the claim. Scores and contributions are always finite.
    public var json: String {
        #"{"contribution":\#(contribution),"feature":"\#(feature.rawValue)","value":\#(value)}"#
    }
}

enum Logistic {
    /// 1 / (1 + e^-z), computed without overflow on either side.
    @inline(__always)
    static func sigmoid(_ z: Double) -> Double {
        if z >= 0 { return 1 / (1 + exp(-z)) }
        let e = exp(z)
        return e / (1 + e)
    }
}
