import ClaimsCore
import ClaimsStore
import Foundation

/// The review operations (`claimsgate review …` now, the web console later): list the held
/// claims, show one, release or reject it. A decision is recorded, audited, and answered with a
/// 277CA for the claim.
public struct ReviewService: Sendable {
    let repository: ReviewRepository
    let processor: FileProcessor
    let audit: any AuditHook
    let partner: @Sendable (String) -> PartnerConfiguration?

    public init(
        processor: FileProcessor, database: Database, audit: any AuditHook,
        partner: @escaping @Sendable (String) -> PartnerConfiguration?
    ) {
        repository = ReviewRepository(database: database)
        self.processor = processor
        self.audit = audit
        self.partner = partner
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case unknownClaim(String)
        case notInReview(String, state: String)
        case unknownPartner(String)

        public var description: String {
            switch self {
            case .unknownClaim(let id): "no stored claim \(id)"
            case .notInReview(let id, let state): "claim \(id) is not in review (it is \(state))"
            case .unknownPartner(let id): "partner \(id) is not configured"
            }
        }
    }

    /// What a decision did.
    public struct Decided: Sendable {
        public var item: ReviewItem
        /// The 277CA written for it, nil when the archived file could not be read.
        public var acknowledgment: String?
    }

    public func pending(partner: String? = nil, limit: Int = 100) async throws -> [ReviewItem] {
        try await repository.pending(partner: partner, limit: limit)
    }

    public func show(_ reference: ClaimReference) async throws -> ReviewItem {
        guard let item = try await repository.item(fileID: reference.fileID, claimIndex: reference.claimIndex) else {
            throw Failure.unknownClaim(reference.description)
        }
        return item
    }

    public func decide(_ reference: ClaimReference, _ decision: ReviewDecision, reviewer: String, reason: String?)
        async throws -> Decided
    {
        guard
            let item = try await repository.decide(
                fileID: reference.fileID, claimIndex: reference.claimIndex, decision, reviewer: reviewer, reason: reason)
        else {
            let current = try await show(reference)
            throw Failure.notInReview(reference.description, state: current.state.rawValue)
        }
        var details = ["decision": decision.rawValue]
        if let score = item.score { details["score"] = String(format: "%.4f", score) }
        if let threshold = item.threshold { details["threshold"] = "\(threshold)" }
        if let reason { details["reason"] = reason }
        try await audit.record(
            AuditEvent(
                action: "review.\(decision.rawValue)", actor: reviewer, subject: reference.description,
                partner: item.partner, details: details))
        guard let partner = partner(item.partner) else { throw Failure.unknownPartner(item.partner) }
        let name = try await processor.acknowledgeDecision(reference, decision: decision, partner: partner)
        return Decided(item: item, acknowledgment: name)
    }
}
