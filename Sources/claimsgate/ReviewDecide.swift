import ArgumentParser
import ClaimsStore
import Foundation

/// What `release` and `reject` share: the claim, who decides, why.
struct ReviewDecisionOptions: ParsableArguments {
    @OptionGroup var claim: ClaimReferenceArgument

    @Option(help: "Reviewer recorded with the decision (default: $USER).")
    var reviewer: String = ProcessInfo.processInfo.environment["USER"] ?? "unknown"

    @Option(help: "Reason recorded with the decision (no PHI).")
    var reason: String?

    @OptionGroup var store: StoreOptions

    func decide(_ decision: ReviewDecision) async throws {
        let reference = try claim.reference()
        let decided = try await Review.withService(store) { service in
            try await service.decide(reference, decision, reviewer: reviewer, reason: reason)
        }
        print("\(reference) \(decision.rawValue)\(decided.acknowledgment.map { "; 277CA \($0)" } ?? "; no 277CA written (archived file not found)")")
    }
}

struct ReviewRelease: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Accept a held claim into the outgoing stream.")

    @OptionGroup var options: ReviewDecisionOptions

    func run() async throws { try await options.decide(.released) }
}

struct ReviewReject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject a held claim (277CA A3:21).")

    @OptionGroup var options: ReviewDecisionOptions

    func run() async throws { try await options.decide(.rejected) }
}
