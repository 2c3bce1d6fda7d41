/// The `files` table: registering arrivals and moving them through `FileState`.
///
/// Every function is safe to repeat after a crash: registering the same bytes again returns the
/// same row, and a transition only happens from the states the caller names.
public struct FileRepository: Sendable {
    public let database: Database

    public init(database: Database) { self.database = database }

    /// Records a newly arrived file in state `received`, or returns the existing row when the same
    /// partner, name and SHA-256 is still `received` (the gateway crashed between registering and
    /// moving the bytes, and found the file again on its start-up rescan).
    ///
    /// Concurrent calls for the same file (two gateways seeing one shared inbox) are serialised by
    /// a transaction-scoped advisory lock on the key, so only one row is created.
    public func registerFile(
        partner: String, channel: FileChannel, originalName: String, sha256: String, sizeBytes: Int64,
        storedPath: String? = nil
    ) async throws -> FileRecord {
        let digest = sha256.lowercased()
        return try await database.withConnection { connection in
            try connection.transaction {
                try connection.execute(
                    "SELECT pg_advisory_xact_lock(hashtextextended($1 || '/' || $2 || '/' || $3, 0))",
                    parameters: [partner, originalName, digest])
                let existing = try connection.execute(
                    """
                    SELECT \(FileRecord.columns) FROM files
                    WHERE partner = $1 AND original_name = $2 AND sha256 = $3 AND state = 'received'
                    ORDER BY id LIMIT 1
                    """,
                    parameters: [partner, originalName, digest])
                if let row = existing.rows.first { return try FileRecord(row: row) }
                let inserted = try connection.execute(
                    """
                    INSERT INTO files (partner, channel, original_name, sha256, size_bytes, stored_path)
                    VALUES ($1, $2, $3, $4, $5, $6)
                    RETURNING \(FileRecord.columns)
                    """,
                    parameters: [partner, channel.rawValue, originalName, digest, String(sizeBytes), storedPath])
                return try FileRecord(row: inserted.rows[0])
            }
        }
    }

    /// Moves a file to `state` if it is currently in one of `from`, optionally recording where its
    /// bytes now are. Returns false, changing nothing, when the file is in another state (another
    /// worker got there first, or the step already happened) or does not exist.
    ///
    /// Throws `invalidTransition` when some state in `from` may never move to `state` (see
    /// `FileState.successors`): that is a bug in the caller, not a race.
    @discardableResult
    public func transition(
        _ fileID: Int64, from: Set<FileState>, to state: FileState, storedPath: String? = nil
    ) async throws -> Bool {
        if let illegal = from.first(where: { !$0.successors.contains(state) }) {
            throw StoreError(code: .invalidTransition, message: "a file may not move from \(illegal) to \(state)")
        }
        let fromList = ArrayParameter.text(from.map(\.rawValue).sorted())
        return try await database.withConnection { connection in
            let result = try connection.execute(
                """
                UPDATE files SET state = $2, stored_path = coalesce($3, stored_path), updated_at = now()
                WHERE id = $1 AND state = ANY ($4::text[])
                """,
                parameters: [String(fileID), state.rawValue, storedPath, fromList])
            return result.affectedRows == 1
        }
    }

    /// Records why a file failed (shown to operators and used to pick the quarantine reason).
    /// `message` must not contain PHI: positions and control numbers, not element values.
    public func recordError(_ fileID: Int64, code: String, message: String) async throws {
        try await database.withConnection { connection in
            try connection.execute(
                "UPDATE files SET error_code = $2, error_message = $3, updated_at = now() WHERE id = $1",
                parameters: [String(fileID), code, message])
        }
    }

    /// Records how many interchanges the file held (known after parsing).
    public func recordInterchangeCount(_ fileID: Int64, _ count: Int) async throws {
        try await database.withConnection { connection in
            try connection.execute(
                "UPDATE files SET interchange_count = $2, updated_at = now() WHERE id = $1",
                parameters: [String(fileID), String(count)])
        }
    }

    /// One file, or nil.
    public func file(_ id: Int64) async throws -> FileRecord? {
        try await database.withConnection { connection in
            try connection.execute("SELECT \(FileRecord.columns) FROM files WHERE id = $1", parameters: [String(id)])
                .rows.first.map(FileRecord.init(row:))
        }
    }

    /// Files currently in any of `states`, oldest first: what a restarting gateway must resume.
    public func files(inState states: Set<FileState>) async throws -> [FileRecord] {
        let stateList = ArrayParameter.text(states.map(\.rawValue).sorted())
        return try await database.withConnection { connection in
            try connection.execute(
                "SELECT \(FileRecord.columns) FROM files WHERE state = ANY ($1::text[]) ORDER BY id",
                parameters: [stateList]
            ).rows.map(FileRecord.init(row:))
        }
    }
}
