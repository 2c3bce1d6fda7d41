import AuditLog
import ClaimsCrypto
import Testing

/// The verifier on records in memory: every kind of tampering is named at the right record.
@Suite struct AuditChainTests {
    let ring = AuditFixtures.ring()

    func verify(_ records: [AuditRecord], _ checkpoints: [AuditCheckpoint]) throws -> AuditVerification {
        try AuditVerifier(ring: ring).verify(records: records, checkpoints: checkpoints)
    }

    @Test func untouchedChainVerifiesAndDetailsDecrypt() throws {
        let (records, checkpoint) = AuditFixtures.chain(50, ring: ring)
        let result = try verify(records.shuffled(), [checkpoint])
        #expect(result.isIntact)
        #expect(result.chainLength == 50)
        #expect(try AuditSealer(ring: ring).details(of: records[7]) == ["name": "batch7.x12", "size": "70"])
    }

    @Test func flippedByteIsModified() throws {
        var (records, checkpoint) = AuditFixtures.chain(30, ring: ring)
        records[11].ciphertext[0] ^= 0x01
        #expect(try verify(records, [checkpoint]).problems == [.modified(sequence: 12)])
    }

    @Test func changedClearFieldIsModified() throws {
        var (records, checkpoint) = AuditFixtures.chain(30, ring: ring)
        records[4].outcome = "failure"
        #expect(try verify(records, [checkpoint]).problems == [.modified(sequence: 5)])
    }

    @Test func deletedRecordIsRemoved() throws {
        var (records, checkpoint) = AuditFixtures.chain(30, ring: ring)
        records.remove(at: 9)
        #expect(try verify(records, [checkpoint]).problems == [.removed(10...10)])
    }

    @Test func swappedRecordsAreReordered() throws {
        var (records, checkpoint) = AuditFixtures.chain(30, ring: ring)
        (records[5].sequence, records[6].sequence) = (records[6].sequence, records[5].sequence)
        #expect(
            try verify(records, [checkpoint]).problems == [
                .reordered(stored: 6...6, original: 7...7), .reordered(stored: 7...7, original: 6...6),
            ])
    }

    @Test func forgedRecordInsertedAndRenumberedIsInserted() throws {
        var (records, checkpoint) = AuditFixtures.chain(30, ring: ring)
        let forger = AuditFixtures.ring()
        var forged = AuditSealer(ring: forger).seal(AuditFixtures.events(1), after: .init(sequence: 14, mac: records[13].mac))[0]
        forged.keyID = 1
        for index in 14..<records.count { records[index].sequence += 1 }
        records.insert(forged, at: 14)
        let problems = try verify(records, [checkpoint]).problems
        #expect(problems.first == .inserted(sequence: 15))
        #expect(problems.dropFirst().first == .reordered(stored: 16...31, original: 15...30))
    }

    @Test func truncatedTailIsCaughtByTheCheckpoint() throws {
        var (records, checkpoint) = AuditFixtures.chain(30, ring: ring)
        records.removeLast(4)
        #expect(try verify(records, [checkpoint]).problems == [.truncated(chainEnd: 26, checkpointCount: 30)])
    }

    @Test func forgedCheckpointIsReported() throws {
        let (records, checkpoint) = AuditFixtures.chain(10, ring: ring)
        var forged = checkpoint
        forged.recordCount = 40
        #expect(try verify(records, [checkpoint, forged]).problems == [.forgedCheckpoint(recordCount: 40)])
    }

    @Test func missingKeyFailsLoudlyNamingIt() throws {
        let (records, checkpoint) = AuditFixtures.chain(5, ring: AuditFixtures.ring(1...2))
        #expect {
            try verify(records, [checkpoint])
        } throws: { error in
            (error as? CryptoError)?.code == .unknownKey && "\(error)".contains("audit key 2")
        }
    }

    @Test func wrongKeyDoesNotDecryptAndSaysWhichKey() throws {
        let (records, _) = AuditFixtures.chain(3, ring: ring)
        let impostor = AuditSealer(ring: AuditFixtures.ring())
        #expect {
            try impostor.details(of: records[1])
        } throws: { error in
            (error as? CryptoError)?.code == .authenticationFailed && "\(error)".contains("record 2")
                && "\(error)".contains("audit key 1")
        }
    }
}
