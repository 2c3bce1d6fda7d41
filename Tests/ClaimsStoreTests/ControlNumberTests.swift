import ClaimsStore
import ClaimsTestSupport
import Testing

@Suite("Control numbers")
struct ControlNumberTests {
    @Test func increasePerPartnerAndSurviveNewConnections() async throws {
        try await TestDatabase.with(poolSize: 4) { db in
            let numbers = ControlNumberRepository(database: db.database)
            let concurrent = try await withThrowingTaskGroup(of: Int64.self) { group in
                for _ in 0..<50 {
                    group.addTask { try await numbers.nextControlNumber(partner: "acme", kind: "ISA13") }
                }
                return try await group.reduce(into: [Int64]()) { $0.append($1) }
            }
            #expect(concurrent.sorted() == Array(1...50))
            #expect(try await numbers.nextControlNumber(partner: "other", kind: "ISA13") == 1)
            #expect(try await numbers.nextControlNumber(partner: "acme", kind: "GS06") == 1)

            // A new pool (new sessions, as after a restart) continues where the old one stopped.
            let fresh = try Database(configuration: DatabaseConfiguration(url: db.url, poolSize: 1))
            defer { fresh.shutdown() }
            #expect(try await ControlNumberRepository(database: fresh).nextControlNumber(partner: "acme", kind: "ISA13") == 51)
        }
    }
}
