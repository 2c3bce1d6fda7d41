import Foundation

/// A claim waiting in (or decided from) the review queue, without PHI.
public struct ReviewItem: Sendable, Equatable {
    public var fileID: Int64
    public var claimIndex: Int
    public var partner: String
    public var patientControlNumber: String
    public var totalCharge: String
    public var payerID: String?
    public var billingProviderNPI: String?
    public var state: ClaimState
    public var score: Double?
    public var threshold: Double?
    public var modelVersion: String?
    /// JSON array of the top factors.
    public var topFactorsJSON: String?
    /// `released` or `rejected` once decided.
    public var decision: String?
    public var reviewer: String?
}

/// A reviewer's decision on a held claim.
public enum ReviewDecision: String, Sendable, CaseIterable {
    /// Accepted into the outgoing stream.
    case released
    /// Rejected: counts as a rejection in the provider's and payer's history.
    case rejected

    /// The claim's state after the decision.
    public var state: ClaimState { self == .released ? .accepted : .rejected }
}

/// The review queue over `claims` (status `review`), `claim_risk` and `claim_reviews`.
public struct ReviewRepository: Sendable {
    public let database: Database

    public init(database: Database) { self.database = database }

    static let select = """
        SELECT c.file_id, c.claim_index, f.partner, c.patient_control_number, c.total_charge::text, c.payer_id,
               c.billing_provider_npi, c.status, r.score, r.threshold, r.model_version, r.top_factors::text,
               v.decision, v.reviewer
        FROM claims c JOIN files f ON f.id = c.file_id
        LEFT JOIN claim_risk r USING (file_id, claim_index)
        LEFT JOIN claim_reviews v USING (file_id, claim_index)
        """

    /// Claims waiting for a decision, highest score first; optionally one partner's.
    public func pending(partner: String? = nil, limit: Int = 100) async throws -> [ReviewItem] {
        try await database.withConnection { connection in
            try connection.execute(
                Self.select
                    + " WHERE c.status = 'review' AND ($1::text IS NULL OR f.partner = $1) ORDER BY r.score DESC NULLS LAST, c.file_id, c.claim_index LIMIT $2",
                parameters: [partner, String(limit)]
            ).rows.map(Self.item)
        }
    }

    /// One claim, whatever its state; nil when there is none.
    public func item(fileID: Int64, claimIndex: Int) async throws -> ReviewItem? {
        try await database.withConnection { connection in
            try connection.execute(
                Self.select + " WHERE c.file_id = $1 AND c.claim_index = $2",
                parameters: [String(fileID), String(claimIndex)]
            ).rows.first.map(Self.item)
        }
    }

    /// Records a decision on a claim in review: its state changes, the decision is kept, and a
    /// rejection is counted in its provider's and payer's history, atomically. Returns the item as
    /// decided, or nil when the claim is not (or no longer) in review.
    public func decide(
        fileID: Int64, claimIndex: Int, _ decision: ReviewDecision, reviewer: String, reason: String?
    ) async throws -> ReviewItem? {
        try await database.withConnection { connection in
            try connection.transaction { () throws -> ReviewItem? in
                let file = String(fileID)
                let index = String(claimIndex)
                let held = try connection.execute(
                    "SELECT billing_provider_npi, payer_id FROM claims WHERE file_id = $1 AND claim_index = $2 AND status = 'review' FOR UPDATE",
                    parameters: [file, index])
                guard let row = held.rows.first else { return nil }
                try connection.execute(
                    "UPDATE claims SET status = $3 WHERE file_id = $1 AND claim_index = $2",
                    parameters: [file, index, decision.state.rawValue])
                try connection.execute(
                    "INSERT INTO claim_reviews (file_id, claim_index, decision, reviewer, reason) VALUES ($1, $2, $3, $4, $5)",
                    parameters: [file, index, decision.rawValue, reviewer, reason])
                if decision == .rejected {
                    let one = OutcomeCounts(claims: 0, rejections: 1)
                    try RiskRepository.add(one, dimension: "provider", key: row[0] ?? "", on: connection)
                    try RiskRepository.add(one, dimension: "payer", key: row[1] ?? "", on: connection)
                }
                return try connection.execute(
                    Self.select + " WHERE c.file_id = $1 AND c.claim_index = $2", parameters: [file, index]
                ).rows.first.map(Self.item)
            }
        }
    }

    /// File-level claim indices in review, for the 277CA.
    public func heldClaims(fileID: Int64) async throws -> Set<Int> {
        try await database.withConnection { connection in
            Set(
                try connection.execute(
                    "SELECT claim_index FROM claims WHERE file_id = $1 AND status = 'review'", parameters: [String(fileID)]
                ).rows.compactMap { $0[0].flatMap(Int.init) })
        }
    }

    static func item(_ row: [String?]) -> ReviewItem {
        ReviewItem(
            fileID: row[0].flatMap(Int64.init) ?? 0, claimIndex: row[1].flatMap(Int.init) ?? 0, partner: row[2] ?? "",
            patientControlNumber: row[3] ?? "", totalCharge: row[4] ?? "", payerID: row[5], billingProviderNPI: row[6],
            state: row[7].flatMap(ClaimState.init(rawValue:)) ?? .review, score: row[8].flatMap(Double.init),
            threshold: row[9].flatMap(Double.init), modelVersion: row[10], topFactorsJSON: row[11], decision: row[12],
            reviewer: row[13])
    }
}
