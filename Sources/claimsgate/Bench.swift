import ArgumentParser
import ClaimsApp
import Foundation

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the real pipeline: per-stage rates, end to end into PostgreSQL, one-claim latency, peak RSS, and the ratio against pyx12 in the same run.")

    @Option(help: "Claims in the generated file.")
    var claims: Int = 100_000

    @Option(help: "Claims in the file timed with pyx12 (x12valid), against a one-claim file for its start-up; 0 skips pyx12.")
    var peerClaims: Int = 2_000

    @Option(help: "One-claim files dropped one after another for the latency figure.")
    var latencyFiles: Int = 50

    @Option(help: "Large files taken end to end; the figure is their median (0: parse and validate figures only).")
    var runs: Int = 1

    @Option(help: "Alternating one-core timings of parse, parse + SNIP 1–2 and parse + every edit, reported as medians (0 skips them).")
    var timingRuns: Int = 5

    @Option(help: "Rounds of the audit on/off comparison on batches of small files (0 skips it).")
    var auditRounds: Int = 0

    @Option(help: "Risk model the gateway scores every claim with (e.g. Config/models/claim-risk.json; default: none, claims stored unscored).")
    var riskModel: String?

    @Option(help: "Output format.")
    var format: Validate.Format = .text

    @Option(help: "Scratch folder (default: a new folder under /tmp; an embedded PostgreSQL runs there unless CLAIMSGATE_DATABASE_URL is set).")
    var scratch: String?

    func run() async throws {
        let folder = scratch.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "/tmp/cg-bench-\(ProcessInfo.processInfo.processIdentifier)")
        let url = ProcessInfo.processInfo.environment["CLAIMSGATE_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        var benchmark = Benchmark(
            claims: claims, peerClaims: peerClaims, latencyFiles: latencyFiles, databaseURL: url, scratch: folder)
        benchmark.runs = max(0, runs)
        benchmark.timingRuns = max(0, timingRuns)
        benchmark.auditRounds = max(0, auditRounds)
        benchmark.riskModel = riskModel.map { URL(fileURLWithPath: $0) }
        let report = try await benchmark.run { message in
            FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
        }
        print(format == .json ? report.json : report.text)
        if scratch == nil { try? FileManager.default.removeItem(at: folder) }
    }
}
