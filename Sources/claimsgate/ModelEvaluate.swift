import ArgumentParser
import ClaimsApp
import ClaimsPipeline
import ClaimsRisk
import Foundation

struct ModelEvaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Report AUC (a line AUC=<value>), precision/recall at the threshold and calibration.")

    enum Split: String, ExpressibleByArgument {
        case heldOut = "held-out"
        case all
    }

    @Option(help: "837P file(s) of the claims.")
    var claims: [String]

    @Option(help: "CSV of decisions: patient_control_number,denied.")
    var labels: String

    @Option(help: "Model file (default: the configured one).")
    var model: String?

    @Option(help: "held-out: the one-in-five split training never sees; all: every claim (for files generated with another seed).")
    var split: Split = .heldOut

    @Option(help: "Decision threshold (default: the partner's risk_threshold).")
    var threshold: Double?

    @Option(help: "Partner whose risk_threshold applies.")
    var partner: String = "demo"

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let modelURL = try model.map { URL(fileURLWithPath: $0) } ?? store.modelFile()
        let riskModel = try RiskModel(contentsOf: modelURL)
        let configured = try store.configuration().partner(partner)?.risk.threshold
        let examples = try RiskTrainingData.load(
            claimFiles: claims.map { URL(fileURLWithPath: $0) }, labels: URL(fileURLWithPath: labels))
        let metrics = try ModelTrainer.evaluate(
            riskModel, on: examples, heldOutOnly: split == .heldOut,
            threshold: threshold ?? configured ?? RiskPolicy.defaultThreshold)
        print(metrics.report)
    }
}
