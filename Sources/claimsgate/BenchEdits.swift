import ArgumentParser
import ClaimsApp

struct BenchEdits: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-edits",
        abstract: "Time the business edits against parsing on synthetic claims (build with -c release).")

    @Option(help: "Number of synthetic claims.")
    var claims: Int = 100_000

    func run() async throws {
        print(try EditBenchmark.run(claims: claims))
    }
}
