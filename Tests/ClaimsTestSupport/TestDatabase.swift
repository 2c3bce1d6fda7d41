import ClaimsStore
import Foundation
import Logging
import Synchronization

/// A fresh PostgreSQL database for one test, dropped afterwards.
///
/// The server is `CLAIMSGATE_TEST_DATABASE_URL` when set (the role needs CREATEDB), otherwise one
/// `EmbeddedPostgres` per test process in `/tmp/cg-pg-<pid>` (short enough for the socket path),
/// started once however many tests ask for it concurrently, and stopped when the process exits.
/// Each test gets `CREATE DATABASE test_<random>`, so tests run in parallel without seeing each
/// other's rows.
///
/// ```swift
/// @Test func storesClaims() async throws {
///     try await TestDatabase.with { db in
///         let files = FileRepository(database: db.database)
///         …
///     }
/// }
/// ```
public struct TestDatabase: Sendable {
    /// `test_<random>`.
    public let name: String
    /// libpq URL of this database.
    public let url: String
    /// A pool on this database, shut down when the test's body returns.
    public let database: Database

    /// Runs `body` with a new database, migrated to the current schema unless `migrated` is false,
    /// and drops the database afterwards (also when `body` throws).
    public static func with<T>(
        migrated: Bool = true, poolSize: Int = 2, _ body: (TestDatabase) async throws -> T
    ) async throws -> T {
        let server = try await TestServer.shared()
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await server.admin.withConnection { connection in
            try connection.execute("CREATE DATABASE \(name)")
        }
        let url = TestServer.url(server.url, database: name)
        let database = try Database(
            configuration: DatabaseConfiguration(url: url, poolSize: poolSize), logger: TestServer.quietLogger)
        do {
            if migrated { try await database.migrate() }
            let result = try await body(TestDatabase(name: name, url: url, database: database))
            await drop(database, name, on: server)
            return result
        } catch {
            await drop(database, name, on: server)
            throw error
        }
    }

    private static func drop(_ database: Database, _ name: String, on server: TestServer) async {
        database.shutdown()
        _ = try? await server.admin.withConnection { connection in
            try connection.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }
}

/// The PostgreSQL server shared by one test process.
struct TestServer: Sendable {
    static let environmentKey = "CLAIMSGATE_TEST_DATABASE_URL"
    static let quietLogger = Logger(label: "claimsgate.test") { _ in SwiftLogNoOpLogHandler() }

    /// URL of the server's maintenance database (where CREATE/DROP DATABASE run).
    let url: String
    let admin: Database

    private static let startup = Mutex<Task<TestServer, any Error>?>(nil)
    /// The embedded cluster to stop at exit, if this process started one.
    private static let embedded = Mutex<EmbeddedPostgres?>(nil)

    /// Starts the server on first call; every caller awaits the same start.
    static func shared() async throws -> TestServer {
        let task = startup.withLock { task in
            if let task { return task }
            let started = Task { try await start() }
            task = started
            return started
        }
        return try await task.value
    }

    private static func start() async throws -> TestServer {
        let url: String
        if let configured = ProcessInfo.processInfo.environment[environmentKey], !configured.isEmpty {
            url = configured
        } else {
            removeStaleClusters()
            let cluster = try EmbeddedPostgres(
                directory: "/tmp/cg-pg-\(getpid())",
                serverSettings: ["fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"],
                logger: quietLogger)
            embedded.withLock { $0 = cluster }
            atexit { TestServer.stopEmbedded() }
            try await cluster.start()
            url = cluster.url(database: "postgres")
        }
        let admin = try Database(configuration: DatabaseConfiguration(url: url, poolSize: 1), logger: quietLogger)
        return TestServer(url: url, admin: admin)
    }

    private static func stopEmbedded() {
        guard let cluster = embedded.withLock({ $0 }) else { return }
        try? cluster.stopBlocking()
        try? FileManager.default.removeItem(atPath: cluster.directory)
    }

    /// Stops and removes clusters left in `/tmp/cg-pg-<pid>` by test processes that died.
    private static func removeStaleClusters() {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []
        for entry in entries where entry.hasPrefix("cg-pg-") {
            guard let pid = pid_t(entry.dropFirst("cg-pg-".count)), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno != ESRCH { continue }
            let path = "/tmp/" + entry
            try? EmbeddedPostgres(directory: path, logger: quietLogger).stopBlocking()
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// `base` pointing at another database: the URL path, or a trailing `dbname=` for key/value
    /// strings (libpq lets later keywords win).
    static func url(_ base: String, database: String) -> String {
        if base.contains("://"), var components = URLComponents(string: base) {
            components.path = "/" + database
            if let url = components.string { return url }
        }
        return base + " dbname=" + database
    }
}
