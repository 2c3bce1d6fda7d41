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
}
