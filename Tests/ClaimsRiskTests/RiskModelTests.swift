import ClaimsApp
import ClaimsRisk
import ClaimsTestSupport
import Foundation
import Testing

/// The model file: serialisation, schema checks, and the shipped model's quality on claims it
/// never saw.
@Suite struct RiskModelTests {
    @Test func serialisedModelRoundTrips() throws {
        let directory = try TemporaryDirectory()
        let data = try RiskFixtures.writeFile(claims: 1_500, seed: 77, labelled: true, in: directory.url)
        let claims = try RiskTrainingData.load(claimFiles: [data.file], labels: data.labels)
        let model = try ModelTrainer().train(claims, version: "test", command: "test")
        let url = directory.url.appendingPathComponent("model.json")
        try model.write(to: url)
        let read = try RiskModel(contentsOf: url)
        #expect(read == model)
        let original = try RiskScorer(model: model)
        let reread = try RiskScorer(model: read)
        let dataset = RiskDataset(claims, extractor: original.extractor)
        #expect(dataset.rows.map(original.probability) == dataset.rows.map(reread.probability))
    }

    @Test func aModelForOtherFeaturesIsRefused() throws {
        var model = try RiskFixtures.shippedModel()
        model.features.removeLast()
        #expect(throws: RiskModel.Invalid.self) { try RiskModel(jsonData: try model.jsonData()) }
        model = try RiskFixtures.shippedModel()
        model.format = "something-else"
        #expect(throws: RiskModel.Invalid.self) { try RiskScorer(model: model) }
    }

    /// The shipped file, scored on freshly generated claims from a seed training never used.
    @Test func shippedModelSeparatesHeldOutClaims() throws {
        let directory = try TemporaryDirectory()
        let data = try RiskFixtures.writeFile(claims: 4_000, seed: 4_242, labelled: true, in: directory.url)
        let claims = try RiskTrainingData.load(claimFiles: [data.file], labels: data.labels)
        #expect(claims.count == 4_000)
        let metrics = try ModelTrainer.evaluate(
            try RiskFixtures.shippedModel(), on: claims, heldOutOnly: false, threshold: 0.5)
        #expect(metrics.positives > 400)
        #expect(metrics.auc >= 0.85, "AUC \(metrics.auc)")
    }

    /// Scripts/train-risk-model's training step, repeated: the same data and settings give the
    /// shipped file's weights and held-out metrics.
    @Test func retrainingReproducesTheShippedModel() throws {
        let shipped = try RiskFixtures.shippedModel()
        let directory = try TemporaryDirectory()
        let data = try RiskFixtures.writeFile(claims: 20_000, seed: 8, labelled: true, in: directory.url)
        let claims = try RiskTrainingData.load(claimFiles: [data.file], labels: data.labels)
        let model = try ModelTrainer(regression: LogisticRegression(l2: shipped.training.l2), threshold: 0.5)
            .train(claims, version: shipped.version, command: shipped.training.command)
        #expect(model.charges == shipped.charges)
        for (new, old) in zip(model.weights, shipped.weights) { #expect(abs(new - old) < 1e-9) }
        #expect(abs(model.training.heldOut.auc - shipped.training.heldOut.auc) < 1e-12)
        #expect(abs(model.training.heldOut.logLoss - shipped.training.heldOut.logLoss) < 1e-9)
        #expect(model.training.heldOut.examples == shipped.training.heldOut.examples)
    }
}
