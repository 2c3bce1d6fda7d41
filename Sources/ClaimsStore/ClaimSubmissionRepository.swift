import ClaimsCore
import ClaimsCrypto

/// A claim's duplicate key with its `key_hash`, hashed once for both the look-up and the store
/// (a SHA-256 over the key's fields spelled out, for every claim).
public struct SubmissionKey: Sendable {
    public let claimKey: ClaimKey
    public let hash: Int64

    public init(_ claimKey: ClaimKey) {
        self.claimKey = claimKey
        hash = ClaimSubmissionRepository.keyHash(claimKey)
    }
}

/// The `claim_submissions` table: keys of accepted claims, so that a claim sent again is
/// recognised as a duplicate (DUP-001) within the partner's look-back window.
public struct ClaimSubmissionRepository: Sendable {
    public let database: Database

    public init(database: Database) { self.database = database }

    public func accepted(among keys: [SubmissionKey], since: CalendarDate, excludingFile fileID: Int64) async throws
        -> Set<ClaimKey>
    {
        guard !keys.isEmpty else { return [] }
        let hashes = "{" + keys.map { String($0.hash) }.joined(separator: ",") + "}"
        let rows = try await database.withConnection { connection in
            try connection.executeProbes(Self.acceptedQuery, parameters: [hashes, since.description, String(fileID)]).rows
        }
        // A row stands for its key only when every field matches: two keys may share a hash.
        return Set(
            rows.compactMap { row -> ClaimKey? in
                guard let ordinal = row[0].flatMap(Int.init), keys.indices.contains(ordinal - 1),
                    let submitter = row[1], let npi = row[2], let pcn = row[3], let charge = row[6].flatMap(Amount.init)
                else { return nil }
                let stored = ClaimKey(
                    submitter: submitter, billingNPI: npi, patientControlNumber: pcn,
                    firstServiceDate: row[4].flatMap(CalendarDate.init), lastServiceDate: row[5].flatMap(CalendarDate.init),
                    totalCharge: charge)
                return stored == keys[ordinal - 1].claimKey ? stored : nil
            })
    }

    /// The earlier key with each hash (1-based ordinal among the keys asked about). One probe of the
    /// `key_hash` index per key, forced by the lateral `LIMIT 1`: left to itself the planner hashes or
    /// scans the whole table for every look-up, which grows with every file ever accepted while
    /// the probes stay logarithmic (run without the JIT, `PQConnection.executeProbes`). One
    /// `bigint` per key is all the server parses.
    static let acceptedQuery = """
        SELECT k.ordinal, earlier.*
        FROM unnest($1::bigint[]) WITH ORDINALITY AS k (hash, ordinal)
        CROSS JOIN LATERAL (
            SELECT s.submitter, s.billing_npi, s.patient_control_number, to_char(s.service_date_from, 'YYYYMMDD'),
                to_char(s.service_date_to, 'YYYYMMDD'), s.total_charge::text
            FROM claim_submissions s
            WHERE s.key_hash = k.hash AND s.received_on >= $2::date AND s.file_id <> $3::bigint
            LIMIT 1) AS earlier
        """

    /// The first eight bytes of the SHA-256 of the key's fields, each as `keyHashSQL` spells it,
    /// separated by U+001F: what the index of `claim_submissions` is on.
    static func keyHash(_ key: ClaimKey) -> Int64 {
        // Written into one buffer: this runs for every claim stored and every claim looked up.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128)
        // A separator between every two fields, empty ones too, as `concat_ws` writes it.
        func append(_ field: String, separated: Bool = true) {
            if separated { bytes.append(0x1F) }
            bytes.append(contentsOf: field.utf8)
        }
        append(key.submitter, separated: false)
        append(key.billingNPI)
        append(key.patientControlNumber)
        append(key.firstServiceDate?.x12 ?? "")
        append(key.lastServiceDate?.x12 ?? "")
        append(key.totalCharge.decimalString)
        let digest = bytes.withUnsafeBytes { SHA256Digest.digest($0) }
        return Int64(bitPattern: digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) })
    }

    /// `keyHash` in SQL, over a `claim_submissions` row: how the migration that added the column
    /// filled it for the keys stored before.
    static let keyHashSQL = """
        ('x' || left(encode(sha256(convert_to(concat_ws(chr(31), submitter, billing_npi, patient_control_number,
            coalesce(to_char(service_date_from, 'YYYYMMDD'), ''), coalesce(to_char(service_date_to, 'YYYYMMDD'), ''),
            total_charge::text), 'UTF8')), 'hex'), 16))::bit(64)::bigint
        """

    /// Forgets the keys an earlier attempt recorded for `fileID`, before a window-by-window
    /// `append` records them again.
    public func forget(fileID: Int64) async throws {
        try await database.withConnection { connection in
            try connection.execute("DELETE FROM claim_submissions WHERE file_id = $1", parameters: [String(fileID)])
        }
    }

    /// Adds keys of one window of the file's accepted claims, by COPY (one INSERT over unnested
    /// arrays took seconds for a 100,000-claim file).
    public func append(_ claims: [(claimIndex: Int, key: SubmissionKey)], fileID: Int64) async throws {
        try await database.withConnection { connection in try Self.append(claims, fileID: fileID, on: connection) }
    }

    static func append(_ claims: [(claimIndex: Int, key: SubmissionKey)], fileID: Int64, on connection: PQConnection) throws {
        guard !claims.isEmpty else { return }
        try connection.copyIn(
            """
            COPY claim_submissions (file_id, claim_index, submitter, billing_npi, patient_control_number,
                service_date_from, service_date_to, total_charge, key_hash) FROM STDIN WITH (FORMAT binary)
            """,
            chunks: CopyBinary.chunks(of: claims) { copy, claim in
                let key = claim.key.claimKey
                copy.row(fields: 9)
                copy.int8(fileID)
                copy.int4(claim.claimIndex)
                copy.text(key.submitter)
                copy.text(key.billingNPI)
                copy.text(key.patientControlNumber)
                copy.date(key.firstServiceDate)
                copy.date(key.lastServiceDate)
                copy.numeric(key.totalCharge)
                copy.int8(claim.key.hash)
            })
    }
}
