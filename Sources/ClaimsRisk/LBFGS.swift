/// Limited-memory BFGS (Nocedal 1980, two-loop recursion) with an Armijo backtracking line
/// search: enough for smooth convex objectives such as regularised logistic loss.
struct LBFGS {
    var memory: Int
    var maxIterations: Int
    var tolerance: Double

    struct Result {
        var point: [Double]
        var value: Double
        var iterations: Int
        var converged: Bool
    }

    func minimize(from start: [Double], _ f: ([Double]) -> (value: Double, gradient: [Double])) -> Result {
        var x = start
        var (value, gradient) = f(x)
        var steps: [[Double]] = []
        var gradientChanges: [[Double]] = []
        var iteration = 0
        while iteration < maxIterations {
            if gradient.map(abs).max()! < tolerance { return Result(point: x, value: value, iterations: iteration, converged: true) }
            var direction = twoLoop(gradient, steps, gradientChanges).map { -$0 }
            var slope = dot(direction, gradient)
            if slope >= 0 {
                // Not a descent direction (curvature pairs gone stale): restart from steepest descent.
                steps.removeAll()
                gradientChanges.removeAll()
                direction = gradient.map { -$0 }
                slope = dot(direction, gradient)
            }
            var stepLength = 1.0
            var candidate = x
            var evaluated = (value: value, gradient: gradient)
            var accepted = false
            for _ in 0..<40 {
                for i in x.indices { candidate[i] = x[i] + stepLength * direction[i] }
                evaluated = f(candidate)
                if evaluated.value <= value + 1e-4 * stepLength * slope {
                    accepted = true
                    break
                }
                stepLength *= 0.5
            }
            iteration += 1
            guard accepted else { return Result(point: x, value: value, iterations: iteration, converged: false) }
            let step = zip(candidate, x).map { $0 - $1 }
            let change = zip(evaluated.gradient, gradient).map { $0 - $1 }
            if dot(step, change) > 1e-12 {
                steps.append(step)
                gradientChanges.append(change)
                if steps.count > memory {
                    steps.removeFirst()
                    gradientChanges.removeFirst()
                }
            }
            let improvement = value - evaluated.value
            x = candidate
            (value, gradient) = evaluated
            if improvement >= 0, improvement < 1e-12 * max(1, abs(value)) {
                return Result(point: x, value: value, iterations: iteration, converged: true)
            }
        }
        return Result(point: x, value: value, iterations: iteration, converged: false)
    }

    /// H·g, with H the inverse-Hessian approximation built from the stored pairs.
    private func twoLoop(_ gradient: [Double], _ steps: [[Double]], _ changes: [[Double]]) -> [Double] {
        var q = gradient
        var alphas = [Double](repeating: 0, count: steps.count)
        for k in steps.indices.reversed() {
            let rho = 1 / dot(changes[k], steps[k])
            alphas[k] = rho * dot(steps[k], q)
            for i in q.indices { q[i] -= alphas[k] * changes[k][i] }
        }
        if let s = steps.last, let y = changes.last {
            let gamma = dot(s, y) / dot(y, y)
            for i in q.indices { q[i] *= gamma }
        }
        for k in steps.indices {
            let rho = 1 / dot(changes[k], steps[k])
            let beta = rho * dot(changes[k], q)
            for i in q.indices { q[i] += steps[k][i] * (alphas[k] - beta) }
        }
        return q
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
    }
}
