import ClaimsCore

/// The `claim_submissions` table: keys of accepted claims, so that a claim sent again is
/// recognised as a duplicate (DUP-001) within the partner's look-back window.
public struct ClaimSubmissionRepository: ClaimSubmissionRegistry {
    public let database: Database

    public init(database: Database) { self.database = database }

    public func accepted(among keys: [ClaimKey], since: CalendarDate, excludingFile fileID: Int64) async throws
        -> Set<ClaimKey>
    {
        guard !keys.isEmpty else { return [] }
        let parameters = Self.arrays(keys) + [since.description, String(fileID)]
        let rows = try await database.withConnection { connection in
            try connection.execute(
                """
                SELECT s.submitter, s.billing_npi, s.patient_control_number,
                       coalesce(to_char(s.service_date_from, 'YYYYMMDD'), ''),
                       coalesce(to_char(s.service_date_to, 'YYYYMMDD'), ''), s.total_charge::text
                FROM claim_submissions s
                JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[])
                    AS k (submitter, npi, pcn, date_from, date_to, charge)
                  ON s.submitter = k.submitter AND s.billing_npi = k.npi AND s.patient_control_number = k.pcn
                 AND coalesce(to_char(s.service_date_from, 'YYYYMMDD'), '') = k.date_from
                 AND coalesce(to_char(s.service_date_to, 'YYYYMMDD'), '') = k.date_to
                 AND s.total_charge = k.charge
                WHERE s.received_on >= $7::date AND s.file_id <> $8::bigint
                """,
                parameters: parameters
            ).rows
        }
        return Set(
            rows.compactMap { row in
                guard let submitter = row[0], let npi = row[1], let pcn = row[2], let charge = row[5].flatMap(Amount.init)
                else { return nil }
                return ClaimKey(
                    submitter: submitter, billingNPI: npi, patientControlNumber: pcn,
                    firstServiceDate: row[3].flatMap(CalendarDate.init), lastServiceDate: row[4].flatMap(CalendarDate.init),
                    totalCharge: charge)
            })
    }

    /// Replaces the file's keys (a resumed file writes the same set again), by COPY: a
    /// 100,000-claim file took seconds as one INSERT over unnested arrays.
    public func record(_ claims: [(claimIndex: Int, key: ClaimKey)], fileID: Int64) async throws {
        try await database.withConnection { connection in
            try connection.transaction {
                try connection.execute("DELETE FROM claim_submissions WHERE file_id = $1", parameters: [String(fileID)])
                try Self.append(claims, fileID: fileID, on: connection)
            }
        }
    }

    /// Forgets the keys an earlier attempt recorded for `fileID`, before a window-by-window
    /// `append` records them again.
    public func forget(fileID: Int64) async throws {
        try await database.withConnection { connection in
            try connection.execute("DELETE FROM claim_submissions WHERE file_id = $1", parameters: [String(fileID)])
        }
    }

    /// Adds keys of one window of the file's accepted claims.
    public func append(_ claims: [(claimIndex: Int, key: ClaimKey)], fileID: Int64) async throws {
        try await database.withConnection { connection in try Self.append(claims, fileID: fileID, on: connection) }
    }

    static func append(_ claims: [(claimIndex: Int, key: ClaimKey)], fileID: Int64, on connection: PQConnection) throws {
        guard !claims.isEmpty else { return }
        let file = String(fileID)
        try connection.copyIn(
            """
            COPY claim_submissions (file_id, claim_index, submitter, billing_npi, patient_control_number,
                service_date_from, service_date_to, total_charge) FROM STDIN
            """,
            rows: claims.lazy.map { claim in
                [
                    file, String(claim.claimIndex), claim.key.submitter, claim.key.billingNPI,
                    claim.key.patientControlNumber, claim.key.firstServiceDate?.description,
                    claim.key.lastServiceDate?.description, claim.key.totalCharge.decimalString,
                ]
            })
    }

    /// Six parallel array literals: submitter, NPI, CLM01, first and last date (CCYYMMDD or
    /// empty), charge.
    static func arrays(_ keys: [ClaimKey]) -> [String?] {
        [
            CopyText.textArray(keys.map(\.submitter)), CopyText.textArray(keys.map(\.billingNPI)),
            CopyText.textArray(keys.map(\.patientControlNumber)),
            CopyText.textArray(keys.map { $0.firstServiceDate?.x12 ?? "" }),
            CopyText.textArray(keys.map { $0.lastServiceDate?.x12 ?? "" }),
            "{" + keys.map(\.totalCharge.decimalString).joined(separator: ",") + "}",
        ]
    }
}
