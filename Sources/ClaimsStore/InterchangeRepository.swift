/// The register of interchanges received, by partner and ISA05/ISA06/ISA13: a sender must not
/// reuse an interchange control number (TA1 025), within a look-back window.
public struct InterchangeRepository: Sendable {
    /// One interchange's identity as its sender gave it.
    public struct Key: Sendable, Hashable {
        public var senderQualifier: String
        public var senderID: String
        public var controlNumber: String

        public init(senderQualifier: String, senderID: String, controlNumber: String) {
            self.senderQualifier = senderQualifier
            self.senderID = senderID
            self.controlNumber = controlNumber
        }
    }

    public let database: Database
    /// How far back a repeated control number counts as a duplicate.
    public var lookBackDays: Int

    public init(database: Database, lookBackDays: Int = 365) {
        self.database = database
        self.lookBackDays = lookBackDays
    }

    /// Which of `keys` the partner already sent in another file within the look-back window.
    public func duplicates(of keys: [Key], partner: String, excludingFile fileID: Int64) async throws -> Set<Key> {
        guard !keys.isEmpty else { return [] }
        let lookBack = lookBackDays
        return try await database.withConnection { connection in
            let result = try connection.execute(
                """
                SELECT sender_qualifier, sender_id, control_number FROM interchanges
                WHERE partner = $1 AND file_id <> $2 AND received_at > now() - make_interval(days => $3)
                  AND control_number = ANY ($4::text[])
                """,
                parameters: [partner, String(fileID), String(lookBack), ArrayParameter.text(keys.map(\.controlNumber))])
            let found = Set(
                result.rows.map {
                    Key(senderQualifier: $0[0] ?? "", senderID: $0[1] ?? "", controlNumber: $0[2] ?? "")
                })
            return found.intersection(keys)
        }
    }

    /// Records the file's interchanges (idempotent: a resumed file records them again harmlessly).
    public func record(_ keys: [Key], partner: String, fileID: Int64) async throws {
        guard !keys.isEmpty else { return }
        try await database.withConnection { connection in
            try connection.transaction {
                for key in keys {
                    try connection.execute(
                        """
                        INSERT INTO interchanges (file_id, partner, sender_qualifier, sender_id, control_number)
                        VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
                        """,
                        parameters: [String(fileID), partner, key.senderQualifier, key.senderID, key.controlNumber])
                }
            }
        }
    }
}
