import Foundation
import Logging

/// A private PostgreSQL cluster under the gateway's data root (`var/pg`), the default database
/// when no URL is configured, so that `claimsgate serve` works on a fresh checkout.
///
/// It listens only on a unix socket inside `directory`, which is kept at mode 0700; that is what
/// makes `trust` authentication acceptable: only the owner of the directory (and root) can reach
/// the socket. PostgreSQL refuses to run as root, so when this process is root the cluster runs as
/// the unprivileged system user `claimsgate` (created if missing) through `runuser`.
///
/// `start()` initialises the cluster on first use, starts it, or reuses a server already running
/// on the directory (a previous gateway that is still up, or a concurrent start).
public struct EmbeddedPostgres: Sendable {
    /// The superuser role and the database created in the cluster.
    public static let roleName = "claimsgate"
    public static let databaseName = "claimsgate"
    /// The system user the cluster runs as when this process is root.
    public static let systemUser = "claimsgate"
    /// The default port names the socket file; no TCP port is opened.
    static let socketFileName = ".s.PGSQL.5432"
    /// `sun_path` holds 108 bytes including the terminating NUL.
    static let maximumSocketPathLength = 107

    /// Absolute path of the cluster's directory: socket, log and `data/`.
    public let directory: String
    /// Where `initdb`, `pg_ctl` and `postgres` are.
    public let binDirectory: String
    /// Extra `-c name=value` server settings (tests turn `fsync` off, for example).
    public let serverSettings: [String: String]
    let logger: Logger

    /// Validates the directory and finds the PostgreSQL binaries; starts nothing.
    ///
    /// Throws `invalidConfiguration` when the socket path would exceed the unix limit (move the
    /// data root or configure a database URL) and `embeddedServerFailed` when no PostgreSQL
    /// server binaries are installed.
    public init(
        directory: String, binDirectory: String? = nil, serverSettings: [String: String] = [:],
        logger: Logger = Logger(label: "claimsgate.store.embedded")
    ) throws {
        let absolute = URL(fileURLWithPath: directory).standardizedFileURL.path
        let socketPath = absolute + "/" + Self.socketFileName
        guard socketPath.utf8.count <= Self.maximumSocketPathLength else {
            throw StoreError(
                code: .invalidConfiguration,
                message: """
                    embedded PostgreSQL directory \(absolute) is too long for a unix socket path \
                    (\(socketPath.utf8.count) > \(Self.maximumSocketPathLength) bytes): use a shorter data root \
                    or configure a database URL
                    """)
        }
        guard let bin = binDirectory ?? Self.locateBinDirectory() else {
            throw StoreError(
                code: .embeddedServerFailed,
                message: "no PostgreSQL server binaries found (pg_config --bindir, /usr/lib/postgresql/*/bin)")
        }
        self.directory = absolute
        self.binDirectory = bin
        self.serverSettings = serverSettings
        self.logger = logger
    }

    /// `<directory>/data`, the cluster's PGDATA.
    public var dataDirectory: String { directory + "/data" }

    /// The libpq URL of the `claimsgate` database over the socket.
    public var url: String { url(database: Self.databaseName) }

    /// The libpq URL of another database in this cluster.
    public func url(database: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "/-._~")
        let host = directory.addingPercentEncoding(withAllowedCharacters: allowed) ?? directory
        return "postgresql:///\(database)?host=\(host)&user=\(Self.roleName)"
    }

    // MARK: Life cycle

    /// Initialises (first time), starts or reuses the cluster and makes sure the `claimsgate`
    /// database exists. Runs on a dedicated thread.
    public func start() async throws {
        try await onDedicatedThread(name: "claimsgate.pg.embedded") { try startBlocking() }
    }

    /// Stops the cluster (`pg_ctl stop -m fast`: sessions are disconnected, no recovery needed on
    /// next start). Does nothing when it is not running. Runs on a dedicated thread.
    public func stop() async throws {
        try await onDedicatedThread(name: "claimsgate.pg.embedded") { try stopBlocking() }
    }

    /// `start()` for synchronous contexts (a command-line tool before its event loop). Blocks.
    public func startBlocking() throws {
        try prepareDirectory()
        if try isRunning() {
            logger.info("reusing running embedded PostgreSQL", metadata: ["db.directory": "\(directory)"])
        } else {
            if !FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION") { try initializeCluster() }
            try startServer()
        }
        try ensureDatabase()
    }

    /// `stop()` for synchronous contexts (an `atexit` handler). Blocks.
    public func stopBlocking() throws {
        guard FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION"), try isRunning() else { return }
        let outcome = try runTool("pg_ctl", ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "60"])
        guard outcome.status == 0 else {
            throw StoreError(code: .embeddedServerFailed, message: "pg_ctl stop failed: \(outcome.tail)")
        }
        logger.info("stopped embedded PostgreSQL", metadata: ["db.directory": "\(directory)"])
    }

    /// True when a server is running on the data directory (`pg_ctl status`).
    public func isRunning() throws -> Bool {
        guard FileManager.default.fileExists(atPath: dataDirectory) else { return false }
        return try runTool("pg_ctl", ["status", "-D", dataDirectory]).status == 0
    }

    // MARK: Steps

    private func initializeCluster() throws {
        // A data directory without PG_VERSION is an initdb that died half-way: start over.
        if FileManager.default.fileExists(atPath: dataDirectory) {
            try FileManager.default.removeItem(atPath: dataDirectory)
        }
        let outcome = try runTool(
            "initdb",
            [
                "-D", dataDirectory, "-U", Self.roleName, "--auth=trust", "--encoding=UTF8", "--no-locale",
                "--no-instructions",
            ])
        guard outcome.status == 0 else {
            throw StoreError(code: .embeddedServerFailed, message: "initdb failed: \(outcome.tail)")
        }
        logger.info("initialised embedded PostgreSQL cluster", metadata: ["db.directory": "\(directory)"])
    }

    private func startServer() throws {
        var options = "-k \(Self.shellQuoted(directory)) -c listen_addresses=''"
        for (name, value) in serverSettings.sorted(by: { $0.key < $1.key }) {
            options += " -c \(Self.shellQuoted("\(name)=\(value)"))"
        }
        let log = directory + "/postgres.log"
        let outcome = try runTool(
            "pg_ctl", ["start", "-D", dataDirectory, "-w", "-t", "60", "-l", log, "-o", options])
        if outcome.status != 0 {
            // Another process may have started it between our status check and our start.
            if try isRunning() { return }
            let serverLog = (try? String(contentsOfFile: log, encoding: .utf8))?
                .split(separator: "\n").suffix(8).joined(separator: "\n") ?? ""
            throw StoreError(
                code: .embeddedServerFailed, message: "pg_ctl start failed: \(outcome.tail)\n\(serverLog)")
        }
        logger.info("started embedded PostgreSQL", metadata: ["db.directory": "\(directory)"])
    }

    private func ensureDatabase() throws {
        let connection = try PQConnection(conninfo: url(database: "postgres"))
        let exists = try connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = $1", parameters: [Self.databaseName])
        guard exists.isEmpty else { return }
        do {
            try connection.execute("CREATE DATABASE \(Self.databaseName)")
        } catch let error as StoreError where error.sqlState == "42P04" {
            // Created concurrently by another starter: fine.
        }
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
