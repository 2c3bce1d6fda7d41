import ArgumentParser
import ClaimsApp
import ClaimsRisk
import Foundation

struct ModelTrain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Fit the risk model on claims with known outcomes; prints the held-out metrics.")

    enum Source: String, ExpressibleByArgument {
        case csv
        case db
    }

    @Option(help: "Where outcomes come from: csv (837 files + a CSV of decisions) or db (scored claims with 277CA or review outcomes).")
    var from: Source

    @Option(help: "837P file(s) of the claims (csv).")
    var claims: [String] = []

    @Option(help: "CSV of decisions: patient_control_number,denied (csv).")
    var labels: String?

    @Option(help: "Where to write the model.")
    var out: String = "Config/models/claim-risk.json"

    @Option(help: "Model version recorded in the file.")
    var version: String = "1"

    @Option(help: "L2 penalty on standardised weights.")
    var l2: Double = 1e-3

    @Option(help: "Threshold the recorded precision and recall refer to.")
    var threshold: Double = 0.5

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if from == .csv, claims.isEmpty || labels == nil {
            throw ValidationError("--from csv needs --claims FILE… and --labels CSV")
        }
    }

    func run() async throws {
        let trainer = ModelTrainer(regression: LogisticRegression(l2: l2), threshold: threshold)
        // File names without their directories, so that retraining elsewhere records the same command.
        let command = (["claimsgate"] + CommandLine.arguments.dropFirst().map { URL(fileURLWithPath: $0).lastPathComponent })
            .joined(separator: " ")
        let model: RiskModel
        switch from {
        case .csv:
            let examples = try RiskTrainingData.load(
                claimFiles: claims.map { URL(fileURLWithPath: $0) }, labels: URL(fileURLWithPath: labels!))
            guard !examples.isEmpty else { throw ValidationError("no claim of the files has a decision in the CSV") }
            model = try trainer.train(examples, version: version, command: command)
        case .db:
            let current = try RiskModel(contentsOf: try store.modelFile())
            model = try await store.withDatabase { database in
                try await StoredOutcomeTraining.train(
                    trainer, database: database, charges: current.charges, version: version, command: command)
            }
        }
        let url = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try model.write(to: url)
        print("trained on \(model.training.trainingExamples) claims (\(model.training.trainingPositives) denied), \(model.training.iterations) L-BFGS iterations, converged: \(model.training.converged)")
        print("held-out split:")
        print(model.training.heldOut.report)
    }
}
