extension Migrator {
    /// The audit trail (versions 30–39 belong to it): sealed, chained records, signed
    /// checkpoints, the chain head that serialises writers, and the fingerprints of the keys.
    ///
    /// Records and checkpoints are append-only twice over: no UPDATE/DELETE/TRUNCATE grant to
    /// anyone but the owner, and triggers that refuse those statements even from the owner (the
    /// embedded cluster runs the gateway as the owner). Someone who drops the triggers still
    /// cannot rewrite history unnoticed: that is the hash chain's job.
    static let auditTrail = Migration(
        version: 30, name: "audit trail",
        sql: """
            CREATE TABLE audit_records (
                sequence bigint PRIMARY KEY CHECK (sequence > 0),
                time_us bigint NOT NULL,
                actor text NOT NULL,
                action text NOT NULL,
                object text NOT NULL,
                outcome text NOT NULL,
                partner text,
                key_id bigint NOT NULL,
                nonce bytea NOT NULL,
                details bytea NOT NULL,
                previous_mac bytea NOT NULL,
                mac bytea NOT NULL
            );
            CREATE INDEX audit_records_time ON audit_records (time_us);

            CREATE TABLE audit_checkpoints (
                record_count bigint NOT NULL,
                head_mac bytea NOT NULL,
                time_us bigint NOT NULL,
                key_id bigint NOT NULL,
                signature bytea NOT NULL,
                PRIMARY KEY (record_count, time_us)
            );

            CREATE TABLE audit_head (
                id int PRIMARY KEY CHECK (id = 1),
                sequence bigint NOT NULL,
                mac bytea NOT NULL,
                checkpoint_sequence bigint NOT NULL DEFAULT 0,
                checkpoint_time_us bigint NOT NULL DEFAULT 0
            );
            INSERT INTO audit_head (id, sequence, mac) VALUES (1, 0, decode(repeat('00', 32), 'hex'));

            CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$;
            CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
                FOR EACH ROW EXECUTE FUNCTION audit_append_only();
            CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
                FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
            CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
                FOR EACH ROW EXECUTE FUNCTION audit_append_only();
            CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
                FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
            REVOKE UPDATE, DELETE, TRUNCATE ON audit_records, audit_checkpoints FROM PUBLIC;

            CREATE TABLE crypto_keys (
                purpose text NOT NULL,
                key_id bigint NOT NULL,
                fingerprint bytea NOT NULL,
                registered_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (purpose, key_id)
            );
            """)

    /// Patient and subscriber names, birth dates, member ids and addresses, each sealed with
    /// AES-256-GCM (a `SealedBox`: key id, nonce, ciphertext, tag), plus an HMAC of the member id
    /// for lookups; `files.purged_at` marks files whose archive and PHI retention has removed.
    static let protectedHealthInformation = Migration(
        version: 31, name: "encrypted PHI and retention",
        sql: """
            ALTER TABLE claims
                ADD COLUMN phi_key_id bigint,
                ADD COLUMN subscriber_name bytea,
                ADD COLUMN subscriber_birth_date bytea,
                ADD COLUMN subscriber_member_id bytea,
                ADD COLUMN subscriber_address bytea,
                ADD COLUMN patient_name bytea,
                ADD COLUMN patient_birth_date bytea,
                ADD COLUMN patient_address bytea,
                ADD COLUMN member_id_hmac bytea;
            CREATE INDEX claims_member_id_hmac ON claims (member_id_hmac) WHERE member_id_hmac IS NOT NULL;
            ALTER TABLE files ADD COLUMN purged_at timestamptz;
            """)
}
