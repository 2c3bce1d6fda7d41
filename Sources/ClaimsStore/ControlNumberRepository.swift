/// Outgoing control numbers (ISA13, GS06, ST02 of acks…) per partner, in `control_numbers`.
///
/// One atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` per number: the row lock makes numbers
/// unique and increasing across connections and gateways sharing one server, and they survive
/// restarts. Numbers are never reused, so a crash may leave gaps (X12 allows gaps, not repeats).
public struct ControlNumberRepository: Sendable {
    /// Well-known counter names; any string works.
    public enum Kind {
        public static let interchange = "ISA13"
        public static let group = "GS06"
    }

    public let database: Database

    public init(database: Database) { self.database = database }

    /// The next number for `partner` and `kind`, starting at 1. Callers that format into a fixed
    /// width (ISA13 has 9 digits) own the wrap-around policy.
    public func nextControlNumber(partner: String, kind: String) async throws -> Int64 {
        try await database.withConnection { connection in
            try connection.execute(
                """
                INSERT INTO control_numbers (partner, kind, last_value) VALUES ($1, $2, 1)
                ON CONFLICT (partner, kind) DO UPDATE SET last_value = control_numbers.last_value + 1
                RETURNING last_value
                """,
                parameters: [partner, kind]
            ).int64()
        }
    }
}
