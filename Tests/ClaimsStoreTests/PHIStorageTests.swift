import ClaimsCore
import ClaimsCrypto
@testable import ClaimsStore
import ClaimsTestSupport
import Testing

/// Demographics are stored sealed per field, read back only with the PHI key, found by member
/// id through its HMAC across key rotations, bound to their claim, and erased by retention.
@Suite struct PHIStorageTests {
    static func outcomes(_ count: Int, memberPrefix: String) -> [ClaimRow] {
        (0..<count).map { index in
            var claim = SampleClaims.claim(index)
            claim.subscriber = Person(
                lastName: "QUIXLEY", firstName: "ZENOBIA", memberID: "\(memberPrefix)\(index)",
                birthDate: CalendarDate(year: 1961, month: 7, day: 23), gender: "F",
                address: Address(line1: "12 ELM ST", city: "SPRINGFIELD", state: "IL", postalCode: "62701"))
            if index % 2 == 1 {
                claim.patient = Person(
                    lastName: "QUIXLEY", firstName: "ORLANDO", birthDate: CalendarDate(year: 2011, month: 2, day: 3),
                    address: Address(line1: "12 ELM ST", city: "SPRINGFIELD", state: "IL", postalCode: "62701"))
            }
            return ClaimRow(claim: claim, state: .accepted)
        }
    }

    func newFile(_ db: TestDatabase, _ name: String) async throws -> Int64 {
        try await FileRepository(database: db.database).registerFile(
            partner: "acme", channel: .sftp, originalName: name, sha256: SampleClaims.sha, sizeBytes: 1
        ).id
    }

    @Test func demographicsRoundTripSealedAndAreFoundByMemberID() async throws {
        try await TestDatabase.with { db in
            let first = KeyRing(purpose: "phi", currentID: 1, keys: [.generate(id: 1)])
            let fileA = try await newFile(db, "a.x12")
            try await ClaimRepository(database: db.database, phi: first).storeClaims(fileID: fileA, Self.outcomes(300, memberPrefix: "MBR"))

            let rotated = KeyRing(purpose: "phi", currentID: 2, keys: [first.keys[1]!, .generate(id: 2)])
            let fileB = try await newFile(db, "b.x12")
            let repository = ClaimRepository(database: db.database, phi: rotated)
            try await repository.storeClaims(fileID: fileB, Self.outcomes(3, memberPrefix: "MBR"))

            let read = try await repository.demographics(fileID: fileA)
            #expect(read.count == 300)
            #expect(read[1].subscriberName == "QUIXLEY\u{1F}ZENOBIA")
            #expect(read[1].memberID == "MBR1")
            #expect(read[1].subscriberBirthDate == "1961-07-23")
            #expect(read[1].subscriberAddress == "12 ELM ST\u{1F}\u{1F}SPRINGFIELD\u{1F}IL\u{1F}62701")
            #expect(read[1].patientName == "QUIXLEY\u{1F}ORLANDO")
            #expect(read[0].patientName == nil)
            #expect(try await repository.demographics(fileID: fileB)[2].memberID == "MBR2")

            let found = try await repository.claims(memberID: "MBR2")
            #expect(found.map(\.fileID) == [fileA, fileB])
            #expect(found.map(\.claimIndex) == [2, 2])

            let raw = try await db.database.withConnection { connection in
                try connection.execute("SELECT claims::text FROM claims").rows.compactMap { $0[0] }.joined()
            }
            let leaked = ["QUIXLEY", "ZENOBIA", "MBR1", "1961-07-23", "19610723", "ELM ST", "SPRINGFIELD"].filter(raw.contains)
            #expect(leaked.isEmpty, "stored in clear: \(leaked)")
        }
    }

    @Test func sealedValueMovedToAnotherClaimDoesNotOpen() async throws {
        try await TestDatabase.with { db in
            let ring = KeyRing(purpose: "phi", currentID: 1, keys: [.generate(id: 1)])
            let file = try await newFile(db, "a.x12")
            let repository = ClaimRepository(database: db.database, phi: ring)
            try await repository.storeClaims(fileID: file, Self.outcomes(2, memberPrefix: "X"))
            try await db.database.withConnection { connection in
                try connection.execute(
                    """
                    UPDATE claims SET subscriber_member_id = (SELECT subscriber_member_id FROM claims WHERE claim_index = 0)
                    WHERE claim_index = 1
                    """)
            }
            await #expect {
                try await repository.demographics(fileID: file)
            } throws: { error in
                (error as? CryptoError)?.code == .authenticationFailed && "\(error)".contains("phi key 1")
                    && !"\(error)".contains("X0")
            }
        }
    }

    @Test func erasingRemovesEveryPHIColumn() async throws {
        try await TestDatabase.with { db in
            let ring = KeyRing(purpose: "phi", currentID: 1, keys: [.generate(id: 1)])
            let file = try await newFile(db, "a.x12")
            let repository = ClaimRepository(database: db.database, phi: ring)
            try await repository.storeClaims(fileID: file, Self.outcomes(4, memberPrefix: "E"))
            #expect(try await repository.erasePHI(fileID: file) == 4)
            let remaining = try await db.database.withConnection { connection in
                try connection.execute(
                    "SELECT count(*) FROM claims WHERE coalesce(subscriber_name, subscriber_member_id, member_id_hmac, patient_name) IS NOT NULL"
                ).int64()
            }
            #expect(remaining == 0)
            #expect(try await repository.claimCount(fileID: file) == 4)
            #expect(try await repository.claims(memberID: "E1").isEmpty)
        }
    }

    /// A member look-up probes the hash index (migration 90), whatever the size of the table.
    @Test func memberLookUpProbesTheHashIndex() async throws {
        try await TestDatabase.with { db in
            let plan = try await db.database.withConnection { connection in
                try connection.execute(
                    """
                    INSERT INTO claims (file_id, claim_index, transaction_set_control_number, patient_control_number,
                        total_charge, status, member_id_hmac)
                    SELECT 1, i, '0001', 'PCN' || i, 1, 'accepted', sha256(int4send(i)) FROM generate_series(1, 20000) AS i
                    """)
                try connection.execute("ANALYZE claims")
                let method = try connection.execute(
                    "SELECT am.amname FROM pg_class c JOIN pg_am am ON am.oid = c.relam WHERE c.relname = 'claims_member_id_hmac'")
                #expect(method.rows == [["hash"]])
                return try connection.execute(
                    "EXPLAIN " + ClaimRepository.memberLookupQuery,
                    parameters: [ArrayParameter.text(["\\x" + String(repeating: "ab", count: 32)])]
                ).rows.compactMap { $0[0] }.joined(separator: "\n")
            }
            #expect(plan.contains("claims_member_id_hmac"))
            #expect(!plan.contains("Seq Scan on claims"))
        }
    }
}
