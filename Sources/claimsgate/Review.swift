import ArgumentParser
import ClaimsApp
import ClaimsPipeline
import ClaimsStore
import Foundation
import Logging

struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The review queue: claims held because their risk score is above the partner's threshold.",
        subcommands: [ReviewList.self, ReviewShow.self, ReviewRelease.self, ReviewReject.self])

    /// Runs `body` with the review operations on the gateway's database (decisions audited to the log).
    static func withService<T: Sendable>(_ store: StoreOptions, _ body: (ReviewService) async throws -> T) async throws -> T {
        let configuration = try store.configuration()
        let quiet = Logger(label: "claimsgate") { _ in SwiftLogNoOpLogHandler() }
        let audit = LoggingAuditHook(logger: Logger(label: "claimsgate.audit") { StreamLogHandler.standardError(label: $0) })
        return try await GatewayDatabase.with(configuration, logger: quiet) { database in
            let partners = configuration.partners
            let service = ReviewService(
                processor: try configuration.fileProcessor(database: database, logger: quiet), database: database,
                audit: audit, partner: { id in partners.first { $0.id == id } })
            return try await body(service)
        }
    }
}

extension ReviewItem {
    /// One line for `review list`.
    var line: String {
        let score = score.map { String(format: "%.3f", $0) } ?? "-"
        return "\(ClaimReference(fileID: fileID, claimIndex: claimIndex))\t\(partner)\t\(score)\t\(patientControlNumber)\t\(totalCharge)\t\(payerID ?? "-")\t\(state.rawValue)"
    }
}

/// A claim id argument (`CG12-3`).
struct ClaimReferenceArgument: ParsableArguments {
    @Argument(help: "Claim id as the 277CA's REF*1K and `review list` show it (CG<file>-<n>).")
    var claim: String

    func reference() throws -> ClaimReference {
        guard let reference = ClaimReference(claim) else { throw ValidationError("'\(claim)' is not a claim id like CG12-3") }
        return reference
    }
}
