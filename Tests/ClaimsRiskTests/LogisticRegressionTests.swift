import ClaimsRisk
import Foundation
import Testing

/// The learner and the metrics on data whose answers are known.
@Suite struct LogisticRegressionTests {
    /// Labels drawn from a known logistic model: the fit recovers its weights.
    @Test func recoversTheWeightsOfAKnownModel() {
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var x: [[Double]] = []
        var y: [Bool] = []
        for _ in 0..<20_000 {
            let a = uniform() * 4 - 2
            let b = uniform() * 4 - 2
            let p = 1 / (1 + exp(-(0.5 + 2 * a - 1 * b)))
            x.append([a, b])
            y.append(uniform() < p)
        }
        let fit = LogisticRegression(l2: 0).fit(x, y)
        // Weights are on standardised features: divide by the scale for the raw slope.
        let slopeA = fit.weights[0] / fit.scales[0]
        let slopeB = fit.weights[1] / fit.scales[1]
        let intercept = fit.intercept - slopeA * fit.means[0] - slopeB * fit.means[1]
        #expect(fit.converged)
        #expect(abs(slopeA - 2) < 0.15, "slope a \(slopeA)")
        #expect(abs(slopeB + 1) < 0.1, "slope b \(slopeB)")
        #expect(abs(intercept - 0.5) < 0.1, "intercept \(intercept)")
    }

    @Test func regularisationShrinksWeights() {
        let x = (0..<200).map { [Double($0 % 10), Double($0 % 7)] }
        let y = x.map { $0[0] + $0[1] > 8 }
        let loose = LogisticRegression(l2: 1e-4).fit(x, y)
        let tight = LogisticRegression(l2: 1).fit(x, y)
        #expect(abs(tight.weights[0]) < abs(loose.weights[0]))
    }

    @Test func aucCountsOrderedPairsAndTiesHalf() {
        // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: three of four pairs ordered.
        let metrics = ModelMetrics(scores: [0.1, 0.4, 0.35, 0.8], labels: [false, false, true, true], threshold: 0.5)
        #expect(metrics.auc == 0.75)
        #expect(ModelMetrics(scores: [0.5, 0.5], labels: [false, true], threshold: 0.5).auc == 0.5)
        #expect(metrics.precision == 1)
        #expect(metrics.recall == 0.5)
        #expect(metrics.report.hasPrefix("AUC=0.7500\n"))
    }

    @Test func calibrationBinsCountEveryScoreOnce() {
        let scores = (0..<1000).map { Double($0) / 1000 }
        let metrics = ModelMetrics(scores: scores, labels: scores.map { $0 > 0.5 }, threshold: 0.5)
        #expect(metrics.calibration.map(\.count) == Array(repeating: 100, count: 10))
        #expect(metrics.calibration[9].observedRate == 1)
        #expect(metrics.calibration[0].observedRate == 0)
    }
}
