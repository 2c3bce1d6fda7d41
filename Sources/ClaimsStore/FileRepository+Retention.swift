import Foundation

extension FileRepository {
    /// Finished files (archived or quarantined) received before `cutoff` whose archive and PHI
    /// have not been purged yet, oldest first.
    public func purgeCandidates(receivedBefore cutoff: Date) async throws -> [FileRecord] {
        let seconds = String(cutoff.timeIntervalSince1970)
        return try await database.withConnection { connection in
            try connection.execute(
                """
                SELECT \(FileRecord.columns) FROM files
                WHERE state IN ('archived', 'quarantined') AND purged_at IS NULL AND received_at < to_timestamp($1)
                ORDER BY id LIMIT 1000
                """,
                parameters: [seconds]
            ).rows.map(FileRecord.init(row:))
        }
    }
}
