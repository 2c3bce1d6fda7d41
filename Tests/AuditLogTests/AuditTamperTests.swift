import AuditLog
import ClaimsCrypto
import ClaimsStore
import ClaimsTestSupport
import Foundation
import Testing

/// Tampering with the stored trail in real PostgreSQL, as the database owner would (triggers
/// off): `claimsgate audit verify` exits 1 and names the record.
@Suite struct AuditTamperTests {
    struct Tampering: Sendable, CustomTestStringConvertible {
        var name: String
        var sql: String
        var expected: AuditProblem
        var testDescription: String { name }
    }

    static let tamperings = [
        Tampering(
            name: "flip one byte", sql: "UPDATE audit_records SET details = set_byte(details, 3, get_byte(details, 3) # 1) WHERE sequence = 17",
            expected: .modified(sequence: 17)),
        Tampering(name: "delete one", sql: "DELETE FROM audit_records WHERE sequence = 17", expected: .removed(17...17)),
        Tampering(
            name: "swap two",
            sql: """
                UPDATE audit_records SET sequence = 1000017 WHERE sequence = 17;
                UPDATE audit_records SET sequence = 17 WHERE sequence = 18;
                UPDATE audit_records SET sequence = 18 WHERE sequence = 1000017
                """,
            expected: .reordered(stored: 17...17, original: 18...18)),
        Tampering(
            name: "insert a forged one",
            sql: """
                UPDATE audit_records SET sequence = sequence + 1000000 WHERE sequence >= 17;
                UPDATE audit_records SET sequence = sequence - 999999 WHERE sequence > 1000000;
                INSERT INTO audit_records
                SELECT 17, time_us, 'operator:mallory', action, object, outcome, partner, key_id, nonce, details,
                       previous_mac, mac
                FROM audit_records WHERE sequence = 3
                """,
            expected: .inserted(sequence: 17)),
        Tampering(
            name: "truncate the tail", sql: "DELETE FROM audit_records WHERE sequence > 35",
            expected: .truncated(chainEnd: 35, checkpointCount: 40)),
    ]

    @Test(arguments: tamperings)
    func verifyNamesTheRecord(_ tampering: Tampering) async throws {
        try await TestDatabase.with { database in
            let ring = AuditFixtures.ring()
            try await AuditStoreHarness.write(AuditFixtures.events(40), to: database, ring: ring)
            let root = try AuditStoreHarness.root(audit: ring)
            let before = try AuditStoreHarness.cli(["audit", "verify"], root: root.url, database: database)
            #expect(before.status == 0, "\(before.output)")

            try await AuditStoreHarness.tamper(database, tampering.sql)
            let problems = try await AuditStoreHarness.verify(database, ring: ring).problems
            #expect(problems.first == tampering.expected)
            let after = try AuditStoreHarness.cli(["audit", "verify"], root: root.url, database: database)
            #expect(after.status == 1)
            #expect(after.output.contains("BROKEN: \(tampering.expected)"), "\(after.output)")
        }
    }

    @Test func gatewayCannotUpdateOrDeleteAuditRows() async throws {
        try await TestDatabase.with { database in
            try await AuditStoreHarness.write(AuditFixtures.events(3), to: database, ring: AuditFixtures.ring())
            for sql in [
                "UPDATE audit_records SET outcome = 'failure' WHERE sequence = 2", "DELETE FROM audit_records WHERE sequence = 3",
                "TRUNCATE audit_records", "DELETE FROM audit_checkpoints",
            ] {
                await #expect(throws: StoreError.self, "\(sql)") {
                    try await database.database.withConnection { try $0.execute(sql) }
                }
            }
            #expect(try await AuditRepository(database: database.database).records().count == 3)
        }
    }

    /// The scale: 100,000 records written through the trail verify intact. The time is
    /// printed, not asserted (Benchmarks/audit-verify measures it in release mode).
    @Test func hundredThousandRecordsVerify() async throws {
        try await TestDatabase.with { database in
            let ring = AuditFixtures.ring()
            try await AuditStoreHarness.write(AuditFixtures.events(100_000), to: database, ring: ring)
            let clock = ContinuousClock()
            let start = clock.now
            let result = try await AuditStoreHarness.verify(database, ring: ring)
            print("verified \(result.recordCount) audit records in \(clock.now - start) (debug build)")
            #expect(result.isIntact)
            #expect(result.chainLength == 100_000)
        }
    }
}
