import Foundation

/// The `claim_risk`, `risk_history` and `risk_history_files` tables: what scoring stores per
/// claim and reads back as history.
public struct RiskRepository: Sendable {
    public let database: Database

    public init(database: Database) { self.database = database }

    /// Adds the risk rows of one window of the file's claims (stored first, and cleared with
    /// them when the file is stored again).
    public func append(fileID: Int64, _ records: [ClaimRiskRecord]) async throws {
        _ = try await database.withConnection { connection in
            try connection.copyIn(
                """
                COPY claim_risk (file_id, claim_index, score, threshold, model_version, features, top_factors,
                    fingerprint, near_fingerprint) FROM STDIN WITH (FORMAT binary)
                """,
                chunks: CopyBinary.encoded(records.count) { range in
                    var copy = CopyBinary(capacity: range.count * 400)
                    for record in records[range] {
                        copy.row(fields: 9)
                        copy.int8(fileID)
                        copy.int4(record.claimIndex)
                        copy.float8(record.score)
                        copy.float8(record.threshold)
                        copy.text(record.modelVersion)
                        copy.float8Array(record.features)
                        copy.jsonb(record.topFactorsJSON)
                        copy.int8(record.fingerprint)
                        copy.int8(record.nearFingerprint)
                    }
                    return copy.take()
                })
        }
    }

    /// Counts the file's outcomes into the history, once: a resumed file is not counted twice.
    public func recordOutcomes(fileID: Int64, _ tally: OutcomeTally) async throws {
        try await database.withConnection { connection in
            try connection.transaction {
                let inserted = try connection.execute(
                    "INSERT INTO risk_history_files (file_id) VALUES ($1) ON CONFLICT DO NOTHING",
                    parameters: [String(fileID)])
                guard inserted.affectedRows == 1 else { return }
                for (dimension, byKey) in [("provider", tally.providers), ("payer", tally.payers)] {
                    for (key, count) in byKey {
                        try Self.add(count, dimension: dimension, key: key, on: connection)
                    }
                }
            }
        }
    }

    static func add(_ count: OutcomeCounts, dimension: String, key: String, on connection: PQConnection) throws {
        try connection.execute(
            """
            INSERT INTO risk_history (dimension, key, claims, rejections) VALUES ($1, $2, $3, $4)
            ON CONFLICT (dimension, key) DO UPDATE
                SET claims = risk_history.claims + EXCLUDED.claims,
                    rejections = risk_history.rejections + EXCLUDED.rejections
            """,
            parameters: [dimension, key, String(count.claims), String(count.rejections)])
    }

    /// History of the given providers and payers (absent keys have no history).
    public func history(providers: Set<String>, payers: Set<String>) async throws
        -> (providers: [String: OutcomeCounts], payers: [String: OutcomeCounts])
    {
        try await database.withConnection { connection in
            let rows = try connection.execute(
                """
                SELECT dimension, key, claims, rejections FROM risk_history
                WHERE (dimension = 'provider' AND key = ANY($1::text[])) OR (dimension = 'payer' AND key = ANY($2::text[]))
                """,
                parameters: [ArrayParameter.text(Array(providers)), ArrayParameter.text(Array(payers))]
            ).rows
            var result = (providers: [String: OutcomeCounts](), payers: [String: OutcomeCounts]())
            for row in rows {
                guard let key = row[1], let claims = row[2].flatMap(Int.init), let rejections = row[3].flatMap(Int.init)
                else { continue }
                let counts = OutcomeCounts(claims: claims, rejections: rejections)
                if row[0] == "provider" { result.providers[key] = counts } else { result.payers[key] = counts }
            }
            return result
        }
    }

    /// Fingerprints of stored claims (a file's windows stored so far included) whose near
    /// fingerprint is one of `near`. That finds every exact match too: the exact hash continues
    /// the near one (`ClaimFingerprint`), so two claims with the same exact fingerprint have the
    /// same near one.
    public func knownFingerprints(near: [Int64]) async throws -> [(exact: Int64, near: Int64)] {
        try await database.withConnection { connection in
            try connection.executeProbes(
                Self.knownFingerprintsQuery, parameters: ["{" + near.map(String.init).joined(separator: ",") + "}"]
            ).rows.compactMap { row in
                guard let exact = row[0].flatMap(Int64.init), let near = row[1].flatMap(Int64.init) else { return nil }
                return (exact, near)
            }
        }
    }

    /// One probe of the near-fingerprint index per fingerprint asked about, forced by the lateral
    /// subquery that `OFFSET 0` keeps from being flattened into a join, and run without the JIT
    /// (`PQConnection.executeProbes`). As `near_fingerprint = ANY ($1)`, the planner estimated
    /// every row to match (a window's 12,000 values against the default selectivity of a column
    /// it has no statistics for yet, as a table growing by bulk loads often has not) and read the
    /// whole table each window: 97 ms at 300,000 rows, growing with every file ever scored
    /// (twelfth session, `auto_explain`).
    static let knownFingerprintsQuery = """
        SELECT r.fingerprint, r.near_fingerprint
        FROM unnest($1::bigint[]) AS k (near)
        CROSS JOIN LATERAL (
            SELECT fingerprint, near_fingerprint FROM claim_risk WHERE near_fingerprint = k.near OFFSET 0) AS r
        """

    /// Stored feature vectors of claims whose outcome is known (accepted, released, rejected at the
    /// 277CA or by a reviewer), with their control numbers, in the order they were stored.
    public func trainingRows() async throws -> [(patientControlNumber: String, features: [Double], denied: Bool)] {
        try await database.withConnection { connection in
            try connection.execute(
                """
                SELECT c.patient_control_number, array_to_json(r.features)::text, c.status = 'rejected'
                FROM claim_risk r JOIN claims c USING (file_id, claim_index)
                WHERE c.status IN ('accepted', 'rejected')
                ORDER BY r.file_id, r.claim_index
                """
            ).rows.compactMap { row in
                guard let pcn = row[0], let json = row[1],
                    let features = try? JSONDecoder().decode([Double].self, from: Data(json.utf8))
                else { return nil }
                return (pcn, features, row[2] == "t")
            }
        }
    }
}
