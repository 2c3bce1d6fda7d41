import ClaimsCore

/// The `claim_submissions` table: keys of accepted claims, so that a claim sent again is
/// recognised as a duplicate (DUP-001) within the partner's look-back window.
public struct ClaimSubmissionRepository: Sendable {
    public let database: Database

    public init(database: Database) { self.database = database }

    public func accepted(among keys: [ClaimKey], since: CalendarDate, excludingFile fileID: Int64) async throws
        -> Set<ClaimKey>
    {
        guard !keys.isEmpty else { return [] }
        let parameters = Self.arrays(keys) + [since.description, String(fileID)]
        let rows = try await database.withConnection { connection in
            try connection.execute(Self.acceptedQuery, parameters: parameters).rows
        }
        return Set(rows.compactMap { row in row[0].flatMap(Int.init).map { keys[$0 - 1] } })
    }

    /// The ordinals (1-based) of the keys accepted before. One index probe per key, forced by the
    /// lateral `LIMIT 1`: left to itself the planner hashes the whole table for every look-up,
    /// which grows with every file ever accepted while the probes stay logarithmic.
    static let acceptedQuery = """
        SELECT k.ordinal
        FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::numeric[]) WITH ORDINALITY
            AS k (submitter, npi, pcn, date_from, date_to, charge, ordinal)
        CROSS JOIN LATERAL (
            SELECT FROM claim_submissions s
            WHERE s.submitter = k.submitter AND s.billing_npi = k.npi AND s.patient_control_number = k.pcn
              AND s.received_on >= $7::date AND s.file_id <> $8::bigint
              AND s.service_date_from IS NOT DISTINCT FROM k.date_from
              AND s.service_date_to IS NOT DISTINCT FROM k.date_to AND s.total_charge = k.charge
            LIMIT 1) AS earlier
        """

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
        try connection.copyIn(
            """
            COPY claim_submissions (file_id, claim_index, submitter, billing_npi, patient_control_number,
                service_date_from, service_date_to, total_charge) FROM STDIN WITH (FORMAT binary)
            """,
            chunks: CopyBinary.chunks(of: claims) { copy, claim in
                copy.row(fields: 8)
                copy.int8(fileID)
                copy.int4(claim.claimIndex)
                copy.text(claim.key.submitter)
                copy.text(claim.key.billingNPI)
                copy.text(claim.key.patientControlNumber)
                copy.date(claim.key.firstServiceDate)
                copy.date(claim.key.lastServiceDate)
                copy.numeric(claim.key.totalCharge)
            })
    }

    static func arrays(_ keys: [ClaimKey]) -> [String?] {
        [
            ArrayParameter.text(keys.map(\.submitter)), ArrayParameter.text(keys.map(\.billingNPI)),
            ArrayParameter.text(keys.map(\.patientControlNumber)),
            dateArray(keys.map(\.firstServiceDate)), dateArray(keys.map(\.lastServiceDate)),
            "{" + keys.map(\.totalCharge.decimalString).joined(separator: ",") + "}",
        ]
    }

    static func dateArray(_ dates: [CalendarDate?]) -> String {
        "{" + dates.map { $0?.description ?? "NULL" }.joined(separator: ",") + "}"
    }
}
