extension Migrator {
    /// Claim risk: each scored claim's features, top factors and duplicate fingerprints; review
    /// decisions; and per-provider and per-payer outcome counts (the "history" features).
    ///
    /// Fingerprints are 64-bit hashes (they cover the member id, so they are never shown); the
    /// features are numbers only. Rows follow their claim: re-storing a file's claims removes them.
    static let riskSchema = Migration(
        version: 40, name: "claim risk, review decisions, outcome history",
        sql: """
            CREATE TABLE claim_risk (
                file_id bigint NOT NULL,
                claim_index int NOT NULL,
                score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
                threshold double precision NOT NULL,
                model_version text NOT NULL,
                features double precision[] NOT NULL,
                top_factors jsonb NOT NULL DEFAULT '[]',
                fingerprint bigint NOT NULL,
                near_fingerprint bigint NOT NULL,
                PRIMARY KEY (file_id, claim_index),
                FOREIGN KEY (file_id, claim_index) REFERENCES claims (file_id, claim_index) ON DELETE CASCADE
            );
            CREATE INDEX claim_risk_fingerprint ON claim_risk (fingerprint);
            CREATE INDEX claim_risk_near_fingerprint ON claim_risk (near_fingerprint);

            CREATE TABLE claim_reviews (
                file_id bigint NOT NULL,
                claim_index int NOT NULL,
                decision text NOT NULL CHECK (decision IN ('released', 'rejected')),
                reviewer text NOT NULL,
                reason text,
                decided_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (file_id, claim_index),
                FOREIGN KEY (file_id, claim_index) REFERENCES claims (file_id, claim_index) ON DELETE CASCADE
            );

            CREATE TABLE risk_history (
                dimension text NOT NULL CHECK (dimension IN ('provider', 'payer')),
                key text NOT NULL,
                claims bigint NOT NULL DEFAULT 0,
                rejections bigint NOT NULL DEFAULT 0,
                PRIMARY KEY (dimension, key)
            );

            CREATE TABLE risk_history_files (
                file_id bigint PRIMARY KEY REFERENCES files (id)
            );
            """)
}
