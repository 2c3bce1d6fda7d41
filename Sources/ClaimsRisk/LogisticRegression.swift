import Foundation

/// L2-regularised logistic regression on standardised features, fitted by L-BFGS with a
/// backtracking (Armijo) line search. Deterministic: the same data give the same weights.
///
/// Objective: mean log loss + (l2 / 2)·‖w‖² (the intercept is not penalised).
public struct LogisticRegression: Sendable {
    public var l2: Double
    public var maxIterations: Int
    /// Stop when the gradient's largest component falls below this.
    public var tolerance: Double
    /// Pairs kept by L-BFGS.
    public var memory: Int

    public init(l2: Double = 1e-3, maxIterations: Int = 500, tolerance: Double = 1e-7, memory: Int = 8) {
        self.l2 = l2
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.memory = memory
    }

    public struct Fit: Sendable {
        public var means: [Double]
        public var scales: [Double]
        public var weights: [Double]
        public var intercept: Double
        public var iterations: Int
        public var converged: Bool
        public var loss: Double
    }

    /// Fits rows `x` (each `RiskFeature.count` long) to labels `y` (true = denied).
    public func fit(_ x: [[Double]], _ y: [Bool]) -> Fit {
        precondition(!x.isEmpty && x.count == y.count, "one label per example")
        let d = x[0].count
        let n = x.count
        var means = [Double](repeating: 0, count: d)
        var scales = [Double](repeating: 0, count: d)
        for row in x { for j in 0..<d { means[j] += row[j] } }
        for j in 0..<d { means[j] /= Double(n) }
        for row in x { for j in 0..<d { scales[j] += (row[j] - means[j]) * (row[j] - means[j]) } }
        // A constant feature gets scale 1 (its standardised value is 0 and its weight stays 0).
        for j in 0..<d { scales[j] = scales[j] > 0 ? sqrt(scales[j] / Double(n)) : 1 }
        var z = [Double](repeating: 0, count: n * d)
        for (i, row) in x.enumerated() { for j in 0..<d { z[i * d + j] = (row[j] - means[j]) / scales[j] } }
        let labels = y.map { $0 ? 1.0 : 0.0 }

        // Parameters: d weights, then the intercept (started at the base rate's log-odds).
        let rate = min(max(labels.reduce(0, +) / Double(n), 1e-6), 1 - 1e-6)
        var theta = [Double](repeating: 0, count: d + 1)
        theta[d] = log(rate / (1 - rate))
        let objective = Objective(z: z, labels: labels, rows: n, columns: d, l2: l2)
        let result = LBFGS(memory: memory, maxIterations: maxIterations, tolerance: tolerance).minimize(
            from: theta, objective.evaluate)
        return Fit(
            means: means, scales: scales, weights: Array(result.point[0..<d]), intercept: result.point[d],
            iterations: result.iterations, converged: result.converged, loss: result.value)
    }

    /// Loss and gradient over the standardised design matrix.
    struct Objective: Sendable {
        let z: [Double]
        let labels: [Double]
        let rows: Int
        let columns: Int
        let l2: Double

        func evaluate(_ theta: [Double]) -> (value: Double, gradient: [Double]) {
            let d = columns
            var gradient = [Double](repeating: 0, count: d + 1)
            var loss = 0.0
            z.withUnsafeBufferPointer { z in
                for i in 0..<rows {
                    var margin = theta[d]
                    for j in 0..<d { margin += theta[j] * z[i * d + j] }
                    // log(1 + e^m) - y·m, stable for large |m|.
                    let softplus = margin > 0 ? margin + log1p(exp(-margin)) : log1p(exp(margin))
                    loss += softplus - labels[i] * margin
                    let residual = Logistic.sigmoid(margin) - labels[i]
                    for j in 0..<d { gradient[j] += residual * z[i * d + j] }
                    gradient[d] += residual
                }
            }
            let scale = 1 / Double(rows)
            loss *= scale
            for j in 0...d { gradient[j] *= scale }
            for j in 0..<d {
                loss += 0.5 * l2 * theta[j] * theta[j]
                gradient[j] += l2 * theta[j]
            }
            return (loss, gradient)
        }
    }
}
