import ClaimsStore
import ClaimsTestSupport
import Testing

@Suite("FileRepository")
struct FileRepositoryTests {
    @Test func registerIsIdempotentWhileReceived() async throws {
        try await TestDatabase.with { db in
            let files = FileRepository(database: db.database)
            let first = try await files.registerFile(
                partner: "acme", channel: .sftp, originalName: "claims.x12", sha256: SampleClaims.sha.uppercased(),
                sizeBytes: 1234)
            #expect(first.state == .received)
            #expect(first.sha256 == SampleClaims.sha)
            let again = try await files.registerFile(
                partner: "acme", channel: .sftp, originalName: "claims.x12", sha256: SampleClaims.sha, sizeBytes: 1234)
            #expect(again.id == first.id)

            // Once the file moved on, the same bytes arriving again are a new arrival.
            #expect(try await files.transition(first.id, from: [.received], to: .processing, storedPath: "/p/1"))
            let later = try await files.registerFile(
                partner: "acme", channel: .sftp, originalName: "claims.x12", sha256: SampleClaims.sha, sizeBytes: 1234)
            #expect(later.id != first.id)
        }
    }

    @Test func concurrentRegistrationsCreateOneRow() async throws {
        try await TestDatabase.with(poolSize: 4) { db in
            let files = FileRepository(database: db.database)
            let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await files.registerFile(
                            partner: "acme", channel: .inbox, originalName: "same.x12", sha256: SampleClaims.sha,
                            sizeBytes: 10
                        ).id
                    }
                }
                return try await group.reduce(into: Set<Int64>()) { $0.insert($1) }
            }
            #expect(ids.count == 1)
        }
    }

    @Test func transitionsAreGuardedByCurrentState() async throws {
        try await TestDatabase.with { db in
            let files = FileRepository(database: db.database)
            let file = try await files.registerFile(
                partner: "acme", channel: .inbox, originalName: "a.x12", sha256: SampleClaims.sha, sizeBytes: 1,
                storedPath: "/inbox/acme/a.x12")
            // Not in `persisted`: refused, nothing changes.
            #expect(try await files.transition(file.id, from: [.persisted], to: .acknowledged) == false)
            #expect(try await files.transition(file.id, from: [.received], to: .processing, storedPath: "/p/1"))
            // The step already happened: a repeat is refused.
            #expect(try await files.transition(file.id, from: [.received], to: .processing) == false)
            #expect(try await files.transition(file.id, from: [.processing], to: .persisted))
            let current = try #require(try await files.file(file.id))
            #expect(current.state == .persisted)
            #expect(current.storedPath == "/p/1")
            #expect(try await files.transition(999_999, from: [.received], to: .processing) == false)
        }
    }

    @Test func illegalMovesThrow() async throws {
        try await TestDatabase.with { db in
            let files = FileRepository(database: db.database)
            let file = try await files.registerFile(
                partner: "acme", channel: .inbox, originalName: "a.x12", sha256: SampleClaims.sha, sizeBytes: 1)
            for (from, to) in [(FileState.received, FileState.archived), (.archived, .processing), (.quarantined, .received)] {
                let error = await #expect(throws: StoreError.self) {
                    try await files.transition(file.id, from: [from], to: to)
                }
                #expect(error?.code == .invalidTransition)
            }
            #expect(try await files.file(file.id)?.state == .received)
        }
    }

    @Test func errorsAndRecoveryQueries() async throws {
        try await TestDatabase.with { db in
            let files = FileRepository(database: db.database)
            var ids: [Int64] = []
            for name in ["a", "b", "c"] {
                ids.append(
                    try await files.registerFile(
                        partner: "acme", channel: .inbox, originalName: name, sha256: SampleClaims.sha, sizeBytes: 1
                    ).id)
            }
            try await files.transition(ids[1], from: [.received], to: .processing)
            try await files.transition(ids[2], from: [.received], to: .quarantined, storedPath: "/q/c")
            try await files.recordError(ids[2], code: "ISA-001", message: "ISA segment too short at byte 0")
            try await files.recordInterchangeCount(ids[1], 2)

            #expect(try await files.files(inState: [.received, .processing]).map(\.id) == [ids[0], ids[1]])
            let quarantined = try #require(try await files.file(ids[2]))
            #expect(quarantined.errorCode == "ISA-001")
            #expect(quarantined.storedPath == "/q/c")
            #expect(try await files.file(ids[1])?.interchangeCount == 2)
            #expect(try await files.file(12345) == nil)
        }
    }
}
