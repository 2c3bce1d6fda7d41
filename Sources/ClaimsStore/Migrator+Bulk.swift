extension Migrator {
    /// Service lines and risk rows without a per-row foreign-key check against `claims`.
    ///
    /// A foreign key makes PostgreSQL run a lookup and take a row lock on the parent claim for
    /// every child row COPY inserts: for a 100,000-claim file about 350,000 locks, each one a
    /// write to the claim's tuple, which cost more than the rows themselves. The children are
    /// written only by `ClaimRepository` and `RiskRepository`, for one file at a time, after its
    /// claims and inside the file's own transaction (and deleted with them), so the relationship
    /// holds by construction; a test checks that no orphan row is left behind a re-run.
    static let bulkChildTables = Migration(
        version: 60, name: "bulk child tables without per-row foreign-key checks",
        sql: """
            ALTER TABLE service_lines DROP CONSTRAINT service_lines_file_id_claim_index_fkey;
            ALTER TABLE claim_risk DROP CONSTRAINT claim_risk_file_id_claim_index_fkey;
            """)

    /// Claims and duplicate keys without a per-row foreign-key check against `files`.
    ///
    /// The check ran a query and a row lock on the file's row for every claim and every key
    /// COPY inserts: about a sixth of PostgreSQL's work on a 100,000-claim file (`perf`). The rows
    /// are written only by `ClaimRepository` and `ClaimSubmissionRepository` for a file whose row
    /// `clearClaims` has just locked and found, and `files` rows are never deleted (retention
    /// purges archives and PHI, not rows), so the relationship holds by construction.
    static let bulkClaimTables = Migration(
        version: 70, name: "claims and submission keys without per-row file checks",
        sql: """
            ALTER TABLE claims DROP CONSTRAINT claims_file_id_fkey;
            ALTER TABLE claim_submissions DROP CONSTRAINT claim_submissions_file_id_fkey;
            """)

    /// Duplicate look-ups by one `bigint` per key instead of four text columns.
    ///
    /// The look-up sent six arrays (three of text) for a window's keys, which the server parsed
    /// before probing a four-column text index once per key; and every stored key was a random
    /// insert into that index. A hash of the whole key (`ClaimSubmissionRepository.keyHash`) makes
    /// the parameter one `bigint[]`, the probe one integer comparison per level, and the index a
    /// quarter of the size. Keys stored before get their hash here, computed by the server.
    static let claimSubmissionKeyHash = Migration(
        version: 80, name: "claim submissions looked up by a hash of the key",
        sql: """
            ALTER TABLE claim_submissions ADD COLUMN key_hash bigint;
            UPDATE claim_submissions SET key_hash = \(ClaimSubmissionRepository.keyHashSQL);
            ALTER TABLE claim_submissions ALTER COLUMN key_hash SET NOT NULL;
            DROP INDEX claim_submissions_key;
            CREATE INDEX claim_submissions_key_hash ON claim_submissions (key_hash);
            """)

    /// Member-id look-ups through a hash index: the HMACs are random 32-byte values, so a B-tree
    /// paid a descent of 32-byte comparisons and a random page for every claim stored, half the
    /// cost of its claims' indexes; a look-up only ever asks for equality.
    static let memberIDHashIndex = Migration(
        version: 90, name: "member-id HMAC looked up through a hash index",
        sql: """
            DROP INDEX claims_member_id_hmac;
            CREATE INDEX claims_member_id_hmac ON claims USING hash (member_id_hmac) WHERE member_id_hmac IS NOT NULL;
            """)

    /// Whatever a partner sends is stored: one claim must not fail the store of its whole file.
    ///
    /// `service_lines` was keyed on file, claim and LX01, but LX01 is the sender's number, which a
    /// bad claim repeats (a unique violation); its lines are now indexed by file and claim,
    /// without uniqueness (a file's rows are deleted before they are stored again, in the file's
    /// state machine, so none is stored twice). Charges were `numeric(14, 2)`, while an X12 amount
    /// may have more whole digits: they now hold everything `Amount` parses (sixteen).
    static let valuesAsSent = Migration(
        version: 100, name: "service lines not keyed on LX01; charges of sixteen digits",
        sql: """
            ALTER TABLE service_lines DROP CONSTRAINT service_lines_pkey;
            CREATE INDEX service_lines_claim ON service_lines (file_id, claim_index);
            ALTER TABLE claims ALTER COLUMN total_charge TYPE numeric(18, 2);
            ALTER TABLE service_lines ALTER COLUMN charge TYPE numeric(18, 2);
            ALTER TABLE claim_submissions ALTER COLUMN total_charge TYPE numeric(18, 2);
            """)

    /// Risk rows looked up by their near fingerprint alone: the exact hash continues the near one
    /// (`ClaimFingerprint`), so a look-up by near fingerprints finds the exact matches as well,
    /// and the exact fingerprint's index was only ever paid for, one random B-tree insert a claim.
    static let riskNearFingerprintOnly = Migration(
        version: 110, name: "risk fingerprints looked up by the near one only",
        sql: "DROP INDEX claim_risk_fingerprint;")
}
