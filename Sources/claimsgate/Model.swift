import ArgumentParser

struct Model: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train, evaluate and benchmark the claim-risk model (Config/models/claim-risk.json).",
        subcommands: [ModelTrain.self, ModelEvaluate.self, ModelBench.self])
}
