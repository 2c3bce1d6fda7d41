import ClaimsStore
import Foundation
import Testing

@testable import ClaimsApp

@Suite("CPUTime")
struct CPUTimeTests {
    /// The bench's PostgreSQL figure: the server's processes, read from /proc, grow by the work a
    /// query makes its backend do.
    @Test func countsTheWorkOfTheServersBackends() async throws {
        let directory = "/tmp/cg-cpu-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cluster = try EmbeddedPostgres(directory: directory, serverSettings: ["fsync": "off"])
        defer { try? cluster.stopBlocking() }
        try await cluster.start()
        let database = try Database(configuration: DatabaseConfiguration(url: cluster.url, poolSize: 1))
        defer { database.shutdown() }

        let before = try #require(CPUTime.serverSeconds(dataDirectory: cluster.dataDirectory))
        let counted = try await database.withConnection {
            try $0.execute("SELECT count(*) FROM generate_series(1, 10000000)").int64()
        }
        let after = try #require(CPUTime.serverSeconds(dataDirectory: cluster.dataDirectory))
        #expect(counted == 10_000_000)
        // Ten million rows generated and counted: several times the 0.2 s asked for here.
        #expect(after - before >= 0.2)
        #expect(CPUTime.serverSeconds(dataDirectory: directory + "/none") == nil)
    }

    @Test func countsThisProcesssWork() {
        let before = CPUTime.ownSeconds()
        var state: UInt64 = 1
        for _ in 0..<50_000_000 { state = state &* 6_364_136_223_846_793_005 &+ 1 }
        #expect(state != 0)
        #expect(CPUTime.ownSeconds() - before > 0.01)
    }
}
