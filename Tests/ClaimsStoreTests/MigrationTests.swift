import ClaimsStore
import ClaimsTestSupport
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test func applyOnceThenNothing() async throws {
        try await TestDatabase.with(migrated: false) { db in
            let first = try await db.database.migrate()
            #expect(first == Migrator.schema.map(\.version))
            let second = try await db.database.migrate()
            #expect(second.isEmpty)
            let versions = try await db.database.withConnection { connection in
                try connection.execute("SELECT count(*) FROM schema_migrations").int64()
            }
            #expect(versions == Int64(Migrator.schema.count))
        }
    }

    @Test func concurrentStartsApplyOnce() async throws {
        try await TestDatabase.with(migrated: false, poolSize: 3) { db in
            let results = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<3 { group.addTask { try await db.database.migrate() } }
                return try await group.reduce(into: [[Int]]()) { $0.append($1) }
            }
            #expect(results.filter { !$0.isEmpty }.count == 1)
        }
    }

    @Test func failedMigrationLeavesNothingBehind() async throws {
        try await TestDatabase.with { db in
            let broken = Migration(version: 999, name: "broken", sql: "CREATE TABLE half (id int); SELECT nonsense")
            let migrator = Migrator(migrations: Migrator.schema + [broken])
            let error = await #expect(throws: StoreError.self) { try await db.database.migrate(migrator) }
            #expect(error?.code == .migrationFailed)
            let leftovers = try await db.database.withConnection { connection in
                try connection.execute("SELECT to_regclass('half') IS NULL, count(*) FROM schema_migrations WHERE version = 999")
                    .rows[0]
            }
            #expect(leftovers == ["t", "0"])
        }
    }
}
