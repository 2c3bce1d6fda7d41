import ClaimsTestSupport
import Foundation
import Testing

/// The `claimsgate model` commands as a user runs them.
@Suite struct ModelCommandTests {
    @Test func evaluatePrintsAUCForTheShippedModel() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("eval.x12").path
        let generated = try RiskFixtures.runCLI(["generate", "--claims", "1500", "--seed", "515", "--labelled", "--out", file])
        #expect(generated.status == 0, "\(generated.output)")
        let result = try RiskFixtures.runCLI([
            "model", "evaluate", "--claims", file, "--labels", file + ".labels.csv", "--split", "all",
            "--root", Fixtures.repositoryRoot.path,
        ])
        #expect(result.status == 0, "\(result.output)")
        let line = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("AUC=") })
        let auc = try #require(Double(line.dropFirst(4)))
        #expect(auc > 0.8)
        #expect(result.output.contains("threshold=0.5 precision="))
        #expect(result.output.contains("calibration"))
    }

    @Test func trainWritesAModelThatEvaluateReads() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("train.x12").path
        let model = directory.url.appendingPathComponent("model.json").path
        #expect(try RiskFixtures.runCLI(["generate", "--claims", "2000", "--seed", "516", "--labelled", "--out", file]).status == 0)
        let trained = try RiskFixtures.runCLI([
            "model", "train", "--from", "csv", "--claims", file, "--labels", file + ".labels.csv", "--out", model,
        ])
        #expect(trained.status == 0, "\(trained.output)")
        #expect(trained.output.contains("AUC="))
        let evaluated = try RiskFixtures.runCLI([
            "model", "evaluate", "--model", model, "--claims", file, "--labels", file + ".labels.csv", "--threshold", "0.3",
        ])
        // The held-out split of the training file: the same numbers the model file records.
        let recorded = try #require(trained.output.split(separator: "\n").first { $0.hasPrefix("AUC=") })
        #expect(evaluated.output.split(separator: "\n").first.map(String.init) == String(recorded))
        #expect(evaluated.output.contains("threshold=0.3 "))
    }
}
