import ClaimsCore

/// Fits a `RiskModel` on labelled claims: the charge reference from the training split, features
/// with history in submission order, logistic regression on the training split, metrics on the
/// held-out split (one claim in five, by control number).
public struct ModelTrainer: Sendable {
    public var regression: LogisticRegression
    /// Threshold the recorded precision and recall refer to.
    public var threshold: Double

    public init(regression: LogisticRegression = LogisticRegression(), threshold: Double = 0.5) {
        self.regression = regression
        self.threshold = threshold
    }

    public func train(_ claims: [LabelledClaim], version: String, command: String) throws -> RiskModel {
        let charges = ChargeReference(learningFrom: claims.lazy.filter { !$0.isHeldOut }.map(\.claim))
        let dataset = RiskDataset(claims, extractor: FeatureExtractor(charges: charges))
        return try train(dataset, charges: charges, version: version, command: command)
    }

    /// Fits on a dataset whose rows were extracted with `charges`.
    public func train(_ dataset: RiskDataset, charges: ChargeReference, version: String, command: String) throws
        -> RiskModel
    {
        let training = dataset.split(heldOut: false)
        let fit = regression.fit(training.rows, training.labels)
        var model = RiskModel(
            version: version, means: fit.means, scales: fit.scales, weights: fit.weights, intercept: fit.intercept,
            charges: charges,
            training: TrainingSummary(
                command: command, trainingExamples: training.rows.count,
                trainingPositives: training.labels.count(where: { $0 }), l2: regression.l2,
                iterations: fit.iterations, converged: fit.converged,
                heldOut: ModelMetrics(scores: [], labels: [], threshold: threshold)))
        model.training.heldOut = try Self.evaluate(model, on: dataset, heldOutOnly: true, threshold: threshold)
        return model
    }

    /// Metrics of `model` on `dataset` (built with the model's own charge reference).
    public static func evaluate(_ model: RiskModel, on dataset: RiskDataset, heldOutOnly: Bool, threshold: Double)
        throws -> ModelMetrics
    {
        let scorer = try RiskScorer(model: model)
        let rows = heldOutOnly ? dataset.split(heldOut: true) : (dataset.rows, dataset.labels)
        return ModelMetrics(scores: rows.0.map(scorer.probability), labels: rows.1, threshold: threshold)
    }

    /// Evaluates `model` on labelled claims.
    public static func evaluate(_ model: RiskModel, on claims: [LabelledClaim], heldOutOnly: Bool, threshold: Double)
        throws -> ModelMetrics
    {
        let dataset = RiskDataset(claims, extractor: FeatureExtractor(charges: model.charges))
        return try evaluate(model, on: dataset, heldOutOnly: heldOutOnly, threshold: threshold)
    }
}
