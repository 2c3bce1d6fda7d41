extension Migrator {
    /// The gateway's schema, in order. Append new migrations; never edit an applied one.
    public static let schema: [Migration] = [
        initialSchema, interchangeRegister, auditTrail, protectedHealthInformation, riskSchema, claimSubmissions,
        bulkChildTables, bulkClaimTables, claimSubmissionKeyHash, memberIDHashIndex, valuesAsSent,
        riskNearFingerprintOnly,
    ]

    /// Files and their state machine, claims without PHI, service lines, acknowledgments sent, and
    /// outgoing control numbers.
    ///
    /// Claims deliberately carry no patient or subscriber names, member ids, birth dates or
    /// addresses: those arrive later, encrypted, in their own migration.
    static let initialSchema = Migration(
        version: 1, name: "initial schema",
        sql: """
            CREATE TABLE files (
                id bigserial PRIMARY KEY,
                partner text NOT NULL,
                channel text NOT NULL CHECK (channel IN ('inbox', 'sftp')),
                original_name text NOT NULL,
                sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
                size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
                state text NOT NULL DEFAULT 'received' CHECK (state IN
                    ('received', 'processing', 'persisted', 'acknowledged', 'archived', 'quarantined')),
                stored_path text,
                error_code text,
                error_message text,
                interchange_count int,
                claim_count int,
                accepted_claim_count int,
                received_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX files_partner_name_sha256 ON files (partner, original_name, sha256);
            CREATE INDEX files_state ON files (state) WHERE state NOT IN ('archived', 'quarantined');

            CREATE TABLE claims (
                id bigserial PRIMARY KEY,
                file_id bigint NOT NULL REFERENCES files (id),
                claim_index int NOT NULL,
                transaction_set_control_number text NOT NULL,
                patient_control_number text NOT NULL,
                total_charge numeric(14, 2) NOT NULL,
                place_of_service text,
                frequency_code text,
                original_reference text,
                billing_provider_npi text,
                billing_provider_tax_id text,
                payer_id text,
                payer_name text,
                patient_relationship text,
                diagnosis_codes text[] NOT NULL DEFAULT '{}',
                status text NOT NULL CHECK (status IN ('accepted', 'rejected', 'review')),
                risk_score double precision,
                service_date_from date,
                service_date_to date,
                created_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (file_id, claim_index)
            );

            CREATE TABLE service_lines (
                file_id bigint NOT NULL,
                claim_index int NOT NULL,
                line_number int NOT NULL,
                procedure_qualifier text,
                procedure_code text,
                modifiers text[] NOT NULL DEFAULT '{}',
                charge numeric(14, 2),
                unit_basis text,
                units numeric,
                place_of_service text,
                diagnosis_pointers int[] NOT NULL DEFAULT '{}',
                service_date_from date,
                service_date_to date,
                PRIMARY KEY (file_id, claim_index, line_number),
                FOREIGN KEY (file_id, claim_index) REFERENCES claims (file_id, claim_index) ON DELETE CASCADE
            );

            CREATE TABLE acknowledgments (
                id bigserial PRIMARY KEY,
                file_id bigint NOT NULL REFERENCES files (id),
                kind text NOT NULL CHECK (kind IN ('TA1', '999', '277CA')),
                file_name text NOT NULL,
                interchange_control_number text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (file_id, kind, file_name)
            );

            CREATE TABLE control_numbers (
                partner text NOT NULL,
                kind text NOT NULL,
                last_value bigint NOT NULL,
                PRIMARY KEY (partner, kind)
            );
            """)

    /// Interchanges received per sender, to reject a resent ISA13 (TA1 025), and a view that
    /// answers "which acknowledgment covered claim X".
    static let interchangeRegister = Migration(
        version: 2, name: "interchange register and claim acknowledgments",
        sql: """
            CREATE TABLE interchanges (
                file_id bigint NOT NULL REFERENCES files (id),
                partner text NOT NULL,
                sender_qualifier text NOT NULL,
                sender_id text NOT NULL,
                control_number text NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (partner, sender_qualifier, sender_id, control_number, file_id)
            );

            CREATE VIEW claim_acknowledgments AS
                SELECT c.id AS claim_id, c.file_id, c.patient_control_number, c.transaction_set_control_number,
                       c.status, a.kind, a.file_name, a.interchange_control_number, a.created_at
                FROM claims c JOIN acknowledgments a ON a.file_id = c.file_id;
            """)

    /// Keys of accepted claims for duplicate detection (edit DUP-001): submitter, billing NPI,
    /// CLM01, service date range and CLM02. No PHI: CLM01 is the submitter's own account number.
    static let claimSubmissions = Migration(
        version: 55, name: "claim submissions for duplicate detection",
        sql: """
            CREATE TABLE claim_submissions (
                file_id bigint NOT NULL REFERENCES files (id),
                claim_index int NOT NULL,
                submitter text NOT NULL,
                billing_npi text NOT NULL,
                patient_control_number text NOT NULL,
                service_date_from date,
                service_date_to date,
                total_charge numeric(14, 2) NOT NULL,
                received_on date NOT NULL DEFAULT current_date,
                PRIMARY KEY (file_id, claim_index)
            );
            CREATE INDEX claim_submissions_key ON claim_submissions
                (submitter, billing_npi, patient_control_number, received_on);
            """)
}
