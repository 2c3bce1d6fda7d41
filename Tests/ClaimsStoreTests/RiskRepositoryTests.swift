@testable import ClaimsStore
import ClaimsTestSupport
import Testing

/// The risk stage's look-up of stored fingerprints against real PostgreSQL.
@Suite struct RiskRepositoryTests {
    /// A risk row whose fingerprints are derived from `index`: the near one shared by pairs of
    /// claims (2k and 2k + 1), the exact one by none.
    static func record(_ index: Int) -> ClaimRiskRecord {
        ClaimRiskRecord(
            claimIndex: index, score: 0.1, threshold: 0.5, modelVersion: "test", features: [0, 1], topFactorsJSON: "[]",
            fingerprint: Int64(index) * 7_919 + 1, nearFingerprint: Int64(index / 2) * 104_729)
    }

    @Test func storedFingerprintsAreFoundByTheirNearOne() async throws {
        try await TestDatabase.with { db in
            let repository = RiskRepository(database: db.database)
            try await repository.append(fileID: 1, (0..<10).map(Self.record))
            let found = try await repository.knownFingerprints(near: [2 * 104_729, 99, 4 * 104_729])
            let expected = [4, 5, 8, 9].map { (Self.record($0).fingerprint, Self.record($0).nearFingerprint) }
            #expect(found.map(\.exact).sorted() == expected.map(\.0).sorted())
            #expect(Set(found.map(\.near)) == Set(expected.map(\.1)))
        }
    }

    /// One probe of the index per fingerprint asked about, whatever the table's size and even
    /// before it has statistics (a table grown by bulk loads): `= ANY` of a window's values read
    /// the whole table every window, a cost that grew with every file ever scored.
    @Test func lookUpProbesTheIndexWithoutStatistics() async throws {
        try await TestDatabase.with { db in
            try await RiskRepository(database: db.database).append(fileID: 1, (0..<20_000).map(Self.record))
            let near = "{" + (0..<5_000).map { String($0 * 31) }.joined(separator: ",") + "}"
            let plan = try await db.database.withConnection { connection in
                try connection.execute("EXPLAIN " + RiskRepository.knownFingerprintsQuery, parameters: [near])
                    .rows.compactMap { $0[0] }.joined(separator: "\n")
            }
            #expect(plan.contains("claim_risk_near_fingerprint"))
            #expect(!plan.contains("Seq Scan on claim_risk"))
        }
    }
}
