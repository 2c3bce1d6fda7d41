import ArgumentParser
import ClaimsApp
import Logging

struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the whole audit chain and its signed checkpoints.",
        discussion: "Exit status: 0 intact, 1 broken (the first modified, removed, reordered or inserted record is named).")

    @OptionGroup var options: DataRootOptions

    func run() async throws {
        let logger = Logger(label: "claimsgate") { _ in SwiftLogNoOpLogHandler() }
        let result = try await OperatorSession.with(root: options.rootURL, configFile: options.configURL, logger: logger) {
            try await $0.verifyAudit()
        }
        if result.isIntact {
            print("audit trail intact: \(result.chainLength) records, \(result.checkpointCount) checkpoints")
            return
        }
        print("audit trail BROKEN: \(result.problems[0])")
        for problem in result.problems.dropFirst() { print("  also: \(problem)") }
        throw ExitCode(1)
    }
}
