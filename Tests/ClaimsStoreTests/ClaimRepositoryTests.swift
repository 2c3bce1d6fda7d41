import ClaimsCore
import ClaimsStore
import ClaimsTestSupport
import Testing

@Suite("ClaimRepository")
struct ClaimRepositoryTests {
    private func newFile(_ db: TestDatabase) async throws -> Int64 {
        try await FileRepository(database: db.database).registerFile(
            partner: "acme", channel: .sftp, originalName: "f.x12", sha256: SampleClaims.sha, sizeBytes: 1
        ).id
    }

    @Test func storesClaimsAndLinesThroughCopy() async throws {
        try await TestDatabase.with { db in
            let fileID = try await newFile(db)
            let claims = ClaimRepository(database: db.database)
            // Enough rows to span several 64 KiB COPY chunks.
            let stored = try await claims.storeClaims(fileID: fileID, SampleClaims.outcomes(1500, lines: 3))
            #expect(stored == 1500)
            #expect(try await claims.claimCount(fileID: fileID) == 1500)
            #expect(try await claims.serviceLineCount(fileID: fileID) == 4500)

            let file = try #require(try await FileRepository(database: db.database).file(fileID))
            #expect(file.claimCount == 1500)
            #expect(file.acceptedClaimCount == 1000)

            let first = try #require(try await claims.claims(fileID: fileID).first)
            #expect(first.claimIndex == 0)
            #expect(first.patientControlNumber == "PCN0")
            #expect(first.totalCharge == Amount(cents: 15_006))
            #expect(first.diagnosisCodes == ["J449", "I10"])
            #expect(first.state == .review)
            #expect(first.serviceDateFrom == CalendarDate(year: 2024, month: 3, day: 1))
            #expect(first.serviceDateTo == CalendarDate(year: 2024, month: 3, day: 3))
        }
    }

    @Test func rerunReplacesInsteadOfDuplicating() async throws {
        try await TestDatabase.with { db in
            let fileID = try await newFile(db)
            let claims = ClaimRepository(database: db.database)
            try await claims.storeClaims(fileID: fileID, SampleClaims.outcomes(10))
            try await claims.storeClaims(fileID: fileID, SampleClaims.outcomes(7, lines: 1))
            #expect(try await claims.claimCount(fileID: fileID) == 7)
            #expect(try await claims.serviceLineCount(fileID: fileID) == 7)
            try await claims.storeClaims(fileID: fileID, [])
            #expect(try await claims.claimCount(fileID: fileID) == 0)
            // Service lines have no foreign key (migration 60): a re-run must leave no orphans.
            #expect(try await claims.serviceLineCount(fileID: fileID) == 0)
        }
    }

    @Test func awkwardTextRoundTrips() async throws {
        try await TestDatabase.with { db in
            let fileID = try await newFile(db)
            let claims = ClaimRepository(database: db.database)
            let awkward = ["tab\there", "line\nbreak", "back\\slash", "\\N", "cr\rlf", "quote\"brace{,}", "ünï✓"]
            let outcomes = awkward.enumerated().map { index, text in
                var claim = SampleClaims.claim(index, patientControlNumber: text, payerName: text)
                claim.diagnoses = [Diagnosis(qualifier: "ABK", code: text)]
                claim.originalReference = nil
                return ClaimRow(claim: claim, state: .rejected, riskScore: 0.25)
            }
            try await claims.storeClaims(fileID: fileID, outcomes)
            let stored = try await claims.claims(fileID: fileID)
            #expect(stored.map(\.patientControlNumber) == awkward)
            #expect(stored.map(\.payerName) == awkward)
            #expect(stored.map(\.diagnosisCodes) == awkward.map { [$0] })
            #expect(stored.allSatisfy { $0.riskScore == 0.25 && $0.state == .rejected })
            let nullReference = try await db.database.withConnection { connection in
                try connection.execute("SELECT count(*) FROM claims WHERE original_reference IS NULL").int64()
            }
            #expect(nullReference == Int64(awkward.count))
        }
    }

    /// A window whose COPY fails stores none of its claims and keeps the windows before it; the
    /// error names the bad data (the file is then retried, cleared first).
    @Test func failedWindowStoresNoneOfItsClaims() async throws {
        try await TestDatabase.with { db in
            let fileID = try await newFile(db)
            let claims = ClaimRepository(database: db.database)
            try await claims.storeClaims(fileID: fileID, SampleClaims.outcomes(3))
            var broken = SampleClaims.outcomes(2)
            var claim = broken[1].claim
            claim.totalCharge = Amount(cents: .max)  // more whole digits than any parsed amount
            broken[1] = ClaimRow(claim: claim, state: broken[1].state)
            let error = await #expect(throws: StoreError.self) {
                try await claims.appendClaims(fileID: fileID, broken, firstIndex: 3)
            }
            #expect(error?.code == .invalidData)
            #expect(try await claims.claimCount(fileID: fileID) == 3)
        }
    }

    /// Claims carry no per-row foreign key (migration 70): storing, or clearing before a file is
    /// stored window by window, checks the file's row instead.
    @Test func unknownFileIsRejected() async throws {
        try await TestDatabase.with { db in
            let claims = ClaimRepository(database: db.database)
            let error = await #expect(throws: StoreError.self) {
                try await claims.storeClaims(fileID: 424_242, SampleClaims.outcomes(1))
            }
            #expect(error?.code == .foreignKeyViolation)
            let cleared = await #expect(throws: StoreError.self) { try await claims.clearClaims(fileID: 424_242) }
            #expect(cleared?.code == .foreignKeyViolation)
            let stored = try await claims.claimCount(fileID: 424_242)
            #expect(stored == 0)
        }
    }

    @Test func acknowledgmentsAreRecordedOnce() async throws {
        try await TestDatabase.with { db in
            let fileID = try await newFile(db)
            let acks = AcknowledgmentRepository(database: db.database)
            let first = try await acks.recordAcknowledgment(
                fileID: fileID, kind: .implementation999, fileName: "999_1.x12", interchangeControlNumber: "000000001")
            let again = try await acks.recordAcknowledgment(
                fileID: fileID, kind: .implementation999, fileName: "999_1.x12", interchangeControlNumber: "000000001")
            try await acks.recordAcknowledgment(
                fileID: fileID, kind: .claimAcknowledgment277CA, fileName: "277_1.x12", interchangeControlNumber: "2")
            #expect(first == again)
            #expect(try await acks.acknowledgments(fileID: fileID).map(\.kind) == [.implementation999, .claimAcknowledgment277CA])
        }
    }
}
