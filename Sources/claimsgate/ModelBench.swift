import ArgumentParser
import ClaimsApp
import ClaimsRisk
import Foundation

struct ModelBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure scoring cost per claim against parse+validate on the same generated claims (build with -c release).")

    @Option(help: "Claims per round.")
    var claims: Int = 20_000

    @Option(help: "Seed of the generated claims.")
    var seed: UInt64 = 99

    @Option(help: "Rounds (the best is reported).")
    var rounds: Int = 5

    @Option(help: "Model file (default: the configured one).")
    var model: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let url = try model.map { URL(fileURLWithPath: $0) } ?? store.modelFile()
        let result = try RiskBenchmark(claims: claims, seed: seed, rounds: rounds).run(model: RiskModel(contentsOf: url))
        print("claims=\(claims) rounds=\(rounds)")
        print(result.report)
    }
}
