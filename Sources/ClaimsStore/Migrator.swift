import Logging

/// Brings a database up to the schema this build expects.
///
/// Each pending migration runs in its own transaction together with its `schema_migrations` row,
/// so a crash leaves either all or none of it. A session-level advisory lock serialises gateways
/// that start together against one server: the second waits, then finds nothing left to do.
public struct Migrator: Sendable {
    /// The advisory lock key (an arbitrary constant: "claimsgate" in ASCII, truncated).
    static let lockKey: Int64 = 0x636c_6169_6d73_6761

    public let migrations: [Migration]
    let logger: Logger

    /// `migrations` defaults to the gateway's schema (`Migrator.schema`).
    public init(migrations: [Migration] = Migrator.schema, logger: Logger = Logger(label: "claimsgate.store")) {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.logger = logger
    }

    /// Applies every migration not yet recorded and returns the versions it applied (empty when the
    /// schema was current). Safe to call on every start and from several processes at once.
    @discardableResult
    public func migrate(_ connection: PQConnection) throws -> [Int] {
        try connection.execute("SELECT pg_advisory_lock($1)", parameters: [String(Self.lockKey)])
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock($1)", parameters: [String(Self.lockKey)]) }

        // "already exists, skipping" on every start is not news.
        try connection.execute("SET client_min_messages = warning")
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version int PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        let applied = Set(
            try connection.execute("SELECT version FROM schema_migrations").rows.compactMap { $0[0].flatMap { Int($0) } })

        var newlyApplied: [Int] = []
        for migration in migrations where !applied.contains(migration.version) {
            do {
                try connection.transaction {
                    try connection.executeScript(migration.sql)
                    try connection.execute(
                        "INSERT INTO schema_migrations (version) VALUES ($1)", parameters: [String(migration.version)])
                }
            } catch let error as StoreError {
                var failure = error
                failure.code = .migrationFailed
                failure.message = "migration \(migration.version) (\(migration.name)): \(error.message)"
                throw failure
            }
            logger.info(
                "applied schema migration",
                metadata: ["db.migration.version": "\(migration.version)", "db.migration.name": "\(migration.name)"])
            newlyApplied.append(migration.version)
        }
        return newlyApplied
    }
}

extension Database {
    /// Applies pending migrations (see `Migrator`) on one pooled connection.
    @discardableResult
    public func migrate(_ migrator: Migrator? = nil) async throws -> [Int] {
        let migrator = migrator ?? Migrator(logger: logger)
        return try await withConnection { connection in try migrator.migrate(connection) }
    }
}
