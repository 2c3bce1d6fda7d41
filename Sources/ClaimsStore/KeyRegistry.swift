import ClaimsCrypto

/// The `crypto_keys` table: the fingerprint of every key that ever wrote to this database.
///
/// Checked on every start and CLI command, so a key file that was swapped, regenerated or
/// mixed up with another environment's fails loudly, naming the key id, instead of making
/// the whole audit trail look tampered with or PHI unreadable row by row.
public struct KeyRegistry: Sendable {
    public let database: Database

    public init(database: Database) { self.database = database }

    /// Records the fingerprints of `ring`'s keys not seen before, then checks that every key
    /// registered for the purpose is in the ring with the same fingerprint. `source` (the key
    /// file's path) is named in errors.
    public func register(_ ring: KeyRing, source: String) async throws {
        let purpose = ring.purpose
        let registered = try await database.withConnection { connection in
            try connection.transaction {
                for id in ring.ids {
                    try connection.execute(
                        """
                        INSERT INTO crypto_keys (purpose, key_id, fingerprint) VALUES ($1, $2, decode($3, 'hex'))
                        ON CONFLICT (purpose, key_id) DO NOTHING
                        """,
                        parameters: [purpose, String(id), Hex.encode(ring.keys[id]!.fingerprint)])
                }
                return try connection.execute(
                    "SELECT key_id, encode(fingerprint, 'hex') FROM crypto_keys WHERE purpose = $1 ORDER BY key_id",
                    parameters: [purpose]
                ).rows
            }
        }
        for row in registered {
            guard let id = row[0].flatMap({ UInt32($0) }), let fingerprint = row[1] else { continue }
            guard let key = ring.keys[id] else {
                throw CryptoError(.unknownKey, "\(purpose) key \(id) was used in this database but is missing from \(source)")
            }
            guard Hex.encode(key.fingerprint) == fingerprint else {
                throw CryptoError(
                    .wrongKey, "\(purpose) key \(id) in \(source) is not the key this database was written with (fingerprint differs)")
            }
        }
    }
}
