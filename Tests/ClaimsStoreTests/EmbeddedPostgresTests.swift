import ClaimsStore
import Foundation
import Testing

@Suite("EmbeddedPostgres")
struct EmbeddedPostgresTests {
    @Test func initStartStopRestartAndReuse() async throws {
        let directory = "/tmp/cg-emb-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cluster = try EmbeddedPostgres(directory: directory, serverSettings: ["fsync": "off"])
        defer { try? cluster.stopBlocking() }

        try await cluster.start()
        #expect(FileManager.default.fileExists(atPath: cluster.dataDirectory + "/PG_VERSION"))
        #expect(try cluster.isRunning())
        let attributes = try FileManager.default.attributesOfItem(atPath: directory)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        if geteuid() == 0 {
            // Root cannot run PostgreSQL: the cluster belongs to the unprivileged system user.
            #expect(attributes[.ownerAccountName] as? String == EmbeddedPostgres.systemUser)
            let dataOwner = try FileManager.default.attributesOfItem(atPath: cluster.dataDirectory)[.ownerAccountName]
            #expect(dataOwner as? String == EmbeddedPostgres.systemUser)
        }

        let database = try Database(configuration: DatabaseConfiguration(url: cluster.url, poolSize: 1))
        let identity = try await database.withConnection { connection in
            try connection.execute("SELECT current_user::text, current_database()::text, current_setting('listen_addresses')")
                .rows[0]
        }
        #expect(identity == ["claimsgate", "claimsgate", ""])
        try await database.withConnection { try $0.executeScript("CREATE TABLE survives (v int); INSERT INTO survives VALUES (7)") }
        database.shutdown()

        // Starting again while it runs, from this or another instance, reuses the server.
        try await cluster.start()
        try await EmbeddedPostgres(directory: directory).start()

        try await cluster.stop()
        #expect(try cluster.isRunning() == false)
        try await cluster.stop()

        // Restart on the existing data directory: no initdb, data kept.
        try await cluster.start()
        let reopened = try Database(configuration: DatabaseConfiguration(url: cluster.url, poolSize: 1))
        let value = try await reopened.withConnection { try $0.execute("SELECT v FROM survives").int64() }
        #expect(value == 7)
        reopened.shutdown()
        try await cluster.stop()
    }

    @Test func refusesSocketPathsThatAreTooLong() throws {
        let long = "/tmp/" + String(repeating: "x", count: 100)
        let error = #expect(throws: StoreError.self) { try EmbeddedPostgres(directory: long) }
        #expect(error?.code == .invalidConfiguration)
    }

    @Test(.enabled(if: geteuid() == 0, "only root hands the cluster to another user"))
    func refusesDirectoriesTheSystemUserCannotReach() async throws {
        let locked = "/tmp/cg-locked-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(
            atPath: locked, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: locked) }
        let cluster = try EmbeddedPostgres(directory: locked + "/pg")
        let error = await #expect(throws: StoreError.self) { try await cluster.start() }
        #expect(error?.code == .invalidConfiguration)
    }
}
