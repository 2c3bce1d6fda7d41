import ClaimsStore
import ClaimsTestSupport
import Testing

@Suite("PQConnection")
struct PQConnectionTests {
    @Test func parametersAndNulls() async throws {
        try await TestDatabase.with(migrated: false) { db in
            let row = try await db.database.withConnection { connection in
                try connection.execute("SELECT $1::text, $2::text, $3::int + 1 AS next", parameters: ["a'b", nil, "41"])
            }
            #expect(row.rows == [["a'b", nil, "42"]])
            #expect(row.value(0, "next") == "42")
        }
    }

    @Test func errorsCarrySQLStateButNoValues() async throws {
        try await TestDatabase.with { db in
            let error = await #expect(throws: StoreError.self) {
                try await db.database.withConnection { connection in
                    try connection.execute("SELECT $1::date", parameters: ["SECRET-1990-13-45"])
                }
            }
            #expect(error?.code == .invalidData)
            #expect(error?.sqlState == "22007" || error?.sqlState == "22008")
            #expect(error.map { !"\($0)".contains("SECRET") } == true)
        }
    }

    @Test func uniqueViolationCode() async throws {
        try await TestDatabase.with(migrated: false) { db in
            let error = await #expect(throws: StoreError.self) {
                try await db.database.withConnection { connection in
                    try connection.execute("CREATE TABLE t (k text PRIMARY KEY)")
                    try connection.execute("INSERT INTO t VALUES ($1)", parameters: ["MEMBER123"])
                    try connection.execute("INSERT INTO t VALUES ($1)", parameters: ["MEMBER123"])
                }
            }
            #expect(error?.code == .uniqueViolation)
            #expect(error?.constraint == "t_pkey")
            #expect(error.map { !"\($0)".contains("MEMBER123") } == true)
        }
    }

    @Test func transactionRollsBackOnThrowAndConnectionIsReusable() async throws {
        struct Boom: Error {}
        try await TestDatabase.with(migrated: false, poolSize: 1) { db in
            try await db.database.withConnection { connection in
                try connection.execute("CREATE TABLE t (v int)")
            }
            await #expect(throws: Boom.self) {
                try await db.database.withConnection { connection in
                    try connection.transaction {
                        try connection.execute("INSERT INTO t VALUES (1)")
                        try connection.transaction { try connection.execute("INSERT INTO t VALUES (2)") }
                        throw Boom()
                    }
                }
            }
            // A body that leaves a transaction open is rolled back before the connection is reused.
            try await db.database.withConnection { connection in
                try connection.execute("BEGIN")
                try connection.execute("INSERT INTO t VALUES (3)")
            }
            let count = try await db.database.withConnection { connection in
                (try connection.execute("SELECT count(*) FROM t").int64(), connection.isInTransaction)
            }
            #expect(count == (0, false))
        }
    }

    @Test func poolSerialisesMoreCallersThanConnections() async throws {
        try await TestDatabase.with(migrated: false, poolSize: 2) { db in
            let pids = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await db.database.withConnection { connection in
                            try connection.execute("SELECT pg_backend_pid()::text, pg_sleep(0.01)").rows[0][0] ?? ""
                        }
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(pids.count <= 2)
        }
    }

    @Test func shutdownRefusesNewWork() async throws {
        try await TestDatabase.with(migrated: false) { db in
            let pool = try Database(configuration: DatabaseConfiguration(url: db.url, poolSize: 1))
            _ = try await pool.withConnection { try $0.execute("SELECT 1").int64() }
            pool.shutdown()
            let error = await #expect(throws: StoreError.self) {
                try await pool.withConnection { try $0.execute("SELECT 1").int64() }
            }
            #expect(error?.code == .poolShutDown)
        }
    }

    @Test func badURLIsConnectionFailed() async throws {
        let pool = try Database(configuration: DatabaseConfiguration(url: "postgresql:///nope?host=/nonexistent"))
        let error = await #expect(throws: StoreError.self) {
            try await pool.withConnection { try $0.execute("SELECT 1").int64() }
        }
        #expect(error?.code == .connectionFailed)
        pool.shutdown()
    }
}
