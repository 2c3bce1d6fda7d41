import ClaimsCore
import ClaimsPipeline
@testable import ClaimsStore
import ClaimsTestSupport
import Testing
import X12Validation

/// Duplicate detection against real PostgreSQL: keys recorded for one file are found for another
/// within the look-back window, never for the same file, and mark the later claim DUP-001.
@Suite struct DuplicateRegistryTests {
    static func key(_ pcn: String, charge: Int64 = 15_000, to: CalendarDate? = nil) -> ClaimKey {
        ClaimKey(
            submitter: "SUB1", billingNPI: "1234567893", patientControlNumber: pcn,
            firstServiceDate: CalendarDate(year: 2025, month: 11, day: 10), lastServiceDate: to ?? CalendarDate(year: 2025, month: 11, day: 10),
            totalCharge: Amount(cents: charge))
    }

    static func file(_ db: TestDatabase, _ name: String) async throws -> Int64 {
        try await FileRepository(database: db.database).registerFile(
            partner: "acme", channel: .inbox, originalName: name, sha256: String(repeating: "a", count: 64), sizeBytes: 1
        ).id
    }

    @Test func recordedKeysAreFoundFromOtherFilesOnly() async throws {
        try await TestDatabase.with { db in
            let registry = ClaimSubmissionRepository(database: db.database)
            let first = try await Self.file(db, "a.x12")
            let second = try await Self.file(db, "b.x12")
            var undated = Self.key("PCN4")
            (undated.firstServiceDate, undated.lastServiceDate) = (nil, nil)
            try await registry.record([(0, Self.key("PCN1")), (1, Self.key("PCN2"))], fileID: first)
            try await registry.record([(0, Self.key("PCN1")), (1, undated)], fileID: first)
            let since = CalendarDate(year: 2025, month: 1, day: 1)!
            let candidates = [Self.key("PCN1"), Self.key("PCN2", charge: 15_001), Self.key("PCN3"), undated, Self.key("PCN4")]
            #expect(
                try await registry.accepted(among: candidates.map(SubmissionKey.init), since: since, excludingFile: second) == [Self.key("PCN1"), undated])
            #expect(try await registry.accepted(among: candidates.map(SubmissionKey.init), since: since, excludingFile: first) == [])
            let future = CalendarDate(year: 2999, month: 1, day: 1)!
            #expect(try await registry.accepted(among: candidates.map(SubmissionKey.init), since: future, excludingFile: second) == [])
        }
    }

    /// The look-up probes the key index once per claim, whatever the size of the table: hashing
    /// the whole table for every file was the planner's choice, and it grows with every file.
    @Test func lookUpProbesTheIndex() async throws {
        try await TestDatabase.with { db in
            let registry = ClaimSubmissionRepository(database: db.database)
            let first = try await Self.file(db, "a.x12")
            try await registry.record((0..<20_000).map { ($0, Self.key("PCN\($0)")) }, fileID: first)
            try await db.database.withConnection { try $0.execute("ANALYZE claim_submissions") }
            let hashes = "{" + (0..<5_000).map { String(ClaimSubmissionRepository.keyHash(Self.key("NEW\($0)"))) }
                .joined(separator: ",") + "}"
            let plan = try await db.database.withConnection { connection in
                try connection.execute(
                    "EXPLAIN " + ClaimSubmissionRepository.acceptedQuery, parameters: [hashes, "2025-01-01", "0"]
                ).rows.compactMap { $0[0] }.joined(separator: "\n")
            }
            #expect(plan.contains("Index Scan using claim_submissions_key_hash"))
            #expect(!plan.contains("Seq Scan on claim_submissions"))
        }
    }

    /// Keys stored before the hash column existed get their hash from the migration that adds it,
    /// computed by the server: the look-up must find them as it finds keys stored since.
    @Test func keysStoredBeforeTheHashColumnAreFound() async throws {
        try await TestDatabase.with(migrated: false) { db in
            try await db.database.migrate(Migrator(migrations: Migrator.schema.filter { $0.version < 80 }))
            let first = try await Self.file(db, "a.x12")
            var undated = Self.key("PCN-É-2", charge: -500)
            (undated.firstServiceDate, undated.lastServiceDate) = (nil, nil)
            // An empty first field is still followed by its separator, as `concat_ws` writes it.
            var unnamed = Self.key("PCN4")
            unnamed.submitter = ""
            let old = [Self.key("PCN1", to: CalendarDate(year: 2025, month: 11, day: 12)), undated, Self.key("PCN3", charge: 5), unnamed]
            try await db.database.withConnection { connection in
                for (index, key) in old.enumerated() {
                    try connection.execute(
                        """
                        INSERT INTO claim_submissions (file_id, claim_index, submitter, billing_npi, patient_control_number,
                            service_date_from, service_date_to, total_charge) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                        """,
                        parameters: [
                            String(first), String(index), key.submitter, key.billingNPI, key.patientControlNumber,
                            key.firstServiceDate?.description, key.lastServiceDate?.description, key.totalCharge.decimalString,
                        ])
                }
            }
            try await db.database.migrate()
            let second = try await Self.file(db, "b.x12")
            let since = CalendarDate(year: 2025, month: 1, day: 1)!
            let found = try await ClaimSubmissionRepository(database: db.database).accepted(
                among: (old + [Self.key("PCN1")]).map(SubmissionKey.init), since: since, excludingFile: second)
            #expect(found == Set(old))
        }
    }

    @Test func priorKeysMarkTheClaimDuplicate() throws {
        var claim = GoodClaim.claim
        claim.billingProvider.npi = "1234567893"
        let parsed = ParsedTransactionSet(header: GoodClaim.header, claims: [claim, claim], structureErrors: [])
        let key = ClaimKey(claim, submitter: GoodClaim.header.submitter.identifier)
        let findings = ClaimValidator(rules: BusinessEdits.rules).findings(
            for: parsed, receivedDate: GoodClaim.receivedDate, profile: ValidationProfile(), priorSubmissions: [key])
        #expect(findings.filter { $0.edit.id == "DUP-001" }.map(\.claimIndex) == [0, 1])
        #expect(findings.filter { $0.edit.id == "DUP-002" }.map(\.claimIndex) == [1])
    }
}
