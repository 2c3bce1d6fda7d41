import ClaimsStore
import Foundation
import Logging

/// The gateway's database for one-off commands (`review`, `model train --from db`): the configured
/// URL, or the embedded cluster under `var/pg/` — the running gateway's when `serve` is up,
/// otherwise started for the command and stopped after it.
public enum GatewayDatabase {
    public static func with<T: Sendable>(
        _ configuration: GatewayConfiguration, logger: Logger, _ body: (Database) async throws -> T
    ) async throws -> T {
        var embedded: EmbeddedPostgres?
        var url = configuration.databaseURL
        var startedHere = false
        if url == nil {
            let postgres = try EmbeddedPostgres(directory: configuration.embeddedDatabaseDirectory.path, logger: logger)
            startedHere = try !postgres.isRunning()
            try await postgres.start()
            embedded = postgres
            url = postgres.url
        }
        let database = try Database(
            configuration: DatabaseConfiguration(url: url!, poolSize: 1), logger: logger)
        do {
            try await database.migrate()
            let result = try await body(database)
            database.shutdown()
            if startedHere { try await embedded?.stop() }
            return result
        } catch {
            database.shutdown()
            if startedHere { try? await embedded?.stop() }
            throw error
        }
    }
}
