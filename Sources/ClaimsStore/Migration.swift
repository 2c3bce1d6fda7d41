/// One versioned schema change, applied once, in one transaction.
public struct Migration: Sendable {
    /// Strictly increasing; recorded in `schema_migrations` once applied. Never renumber.
    public let version: Int
    /// A short name for logs.
    public let name: String
    /// One or more `;`-separated statements. Must not contain its own BEGIN/COMMIT.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
