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

    /// Runs `body` with the review operations on the gateway's database; decisions go into the
    /// audit trail and are committed before the command reports them done.
    static func withService<T: Sendable>(_ store: StoreOptions, _ body: (ReviewService) async throws -> T) async throws -> T {
        let quiet = Logger(label: "claimsgate") { _ in SwiftLogNoOpLogHandler() }
        return try await OperatorSession.with(
            root: URL(fileURLWithPath: store.root, isDirectory: true).standardizedFileURL,
            configFile: store.config.map { URL(fileURLWithPath: $0) }, logger: quiet
        ) { session in
            let partners = session.configuration.partners
            let service = ReviewService(
                processor: try session.configuration.fileProcessor(
                    database: session.database, phi: session.keys.phi, audit: session.trail, logger: quiet),
                database: session.database, audit: TrailAuditHook(trail: session.trail),
                partner: { id in partners.first { $0.id == id } })
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
