import Foundation

/// How well scores separate and estimate outcomes on a set of claims.
public struct ModelMetrics: Sendable, Equatable, Codable {
    public var examples: Int
    public var positives: Int
    /// Area under the ROC curve (Mann–Whitney, ties counted half).
    public var auc: Double
    /// Mean negative log-likelihood.
    public var logLoss: Double
    /// Mean squared error of the probabilities.
    public var brier: Double
    /// The decision threshold the next three refer to (a claim is flagged when score > threshold).
    public var threshold: Double
    public var precision: Double
    public var recall: Double
    /// Share of claims flagged.
    public var flaggedShare: Double
    /// Reliability: ten equal-width bins of predicted probability.
    public var calibration: [CalibrationBin]

    public init(scores: [Double], labels: [Bool], threshold: Double) {
        precondition(scores.count == labels.count)
        examples = scores.count
        positives = labels.count(where: { $0 })
        auc = Self.auc(scores, labels)
        var logLoss = 0.0
        var brier = 0.0
        var truePositives = 0
        var flagged = 0
        var bins = (0..<10).map { CalibrationBin(lower: Double($0) / 10, upper: Double($0 + 1) / 10) }
        for (p, y) in zip(scores, labels) {
            let clipped = min(max(p, 1e-12), 1 - 1e-12)
            logLoss -= y ? log(clipped) : log(1 - clipped)
            brier += (p - (y ? 1 : 0)) * (p - (y ? 1 : 0))
            if p > threshold {
                flagged += 1
                if y { truePositives += 1 }
            }
            let bin = min(Int(p * 10), 9)
            bins[bin].count += 1
            bins[bin].meanPredicted += p
            bins[bin].observedRate += y ? 1 : 0
        }
        for i in bins.indices where bins[i].count > 0 {
            bins[i].meanPredicted /= Double(bins[i].count)
            bins[i].observedRate /= Double(bins[i].count)
        }
        let n = Double(max(examples, 1))
        self.logLoss = logLoss / n
        self.brier = brier / n
        self.threshold = threshold
        precision = flagged > 0 ? Double(truePositives) / Double(flagged) : 0
        recall = positives > 0 ? Double(truePositives) / Double(positives) : 0
        flaggedShare = Double(flagged) / n
        calibration = bins
    }

    /// Rank-sum AUC; 0.5 when one class is missing.
    static func auc(_ scores: [Double], _ labels: [Bool]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let averageRank = Double(i + j) / 2 + 1
            for k in i...j where labels[order[k]] { rankSum += averageRank }
            i = j + 1
        }
        let positives = Double(labels.count(where: { $0 }))
        let negatives = Double(labels.count) - positives
        guard positives > 0, negatives > 0 else { return 0.5 }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }

    /// Human-readable report; its first line is `AUC=<value>` for scripts.
    public var report: String {
        var lines = [
            "AUC=\(String(format: "%.4f", auc))",
            "examples=\(examples) positives=\(positives) log_loss=\(String(format: "%.4f", logLoss)) brier=\(String(format: "%.4f", brier))",
            "threshold=\(threshold) precision=\(String(format: "%.4f", precision)) recall=\(String(format: "%.4f", recall)) flagged=\(String(format: "%.4f", flaggedShare))",
            "calibration (predicted range: claims, mean predicted, observed rate):",
        ]
        for bin in calibration where bin.count > 0 {
            lines.append(
                String(
                    format: "  %.1f-%.1f: %6d  %.3f  %.3f", bin.lower, bin.upper, bin.count, bin.meanPredicted,
                    bin.observedRate))
        }
        return lines.joined(separator: "\n")
    }
}

/// One reliability bin: claims whose score fell in [lower, upper).
public struct CalibrationBin: Sendable, Equatable, Codable {
    public var lower: Double
    public var upper: Double
    public var count = 0
    public var meanPredicted = 0.0
    public var observedRate = 0.0
}
