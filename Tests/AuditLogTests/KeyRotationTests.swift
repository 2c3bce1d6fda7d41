import AuditLog
import ClaimsCrypto
import ClaimsStore
import ClaimsTestSupport
import Foundation
import Testing

/// Records under key 1 and key 2 of one key file both decrypt and verify; a wrong key fails
/// loudly, naming its id.
@Suite struct KeyRotationTests {
    @Test func recordsUnderBothKeysDecryptAndVerify() async throws {
        try await TestDatabase.with { database in
            let directory = try TemporaryDirectory()
            let file = KeyFile(url: directory.url.appendingPathComponent("keys/audit.keys"), purpose: "audit")
            let first = try file.loadOrCreate()
            #expect(first.created)
            try await KeyRegistry(database: database.database).register(first.ring, source: file.url.path)
            try await AuditStoreHarness.write(AuditFixtures.events(10), to: database, ring: first.ring)

            let rotated = try file.rotate()
            #expect(rotated.currentID == 2)
            #expect(try file.load().ids == [1, 2])
            try await KeyRegistry(database: database.database).register(rotated, source: file.url.path)
            try await AuditStoreHarness.write(AuditFixtures.events(10, from: 10), to: database, ring: rotated)

            let records = try await AuditRepository(database: database.database).records()
            #expect(records.map(\.keyID) == Array(repeating: 1, count: 10) + Array(repeating: 2, count: 10))
            let sealer = AuditSealer(ring: try file.load())
            for (index, record) in records.enumerated() {
                #expect(try sealer.details(of: record)["name"] == "batch\(index).x12")
            }
            #expect(try await AuditStoreHarness.verify(database, ring: try file.load()).isIntact)

            // Only key 2 in the ring: records of key 1 cannot be checked, and that is an error.
            let onlyNew = KeyRing(purpose: "audit", currentID: 2, keys: [rotated.keys[2]!])
            await #expect {
                try await AuditStoreHarness.verify(database, ring: onlyNew)
            } throws: { "\($0)".contains("audit key 1") }
        }
    }

    @Test func wrongKeyUnderAKnownIDFailsLoudly() async throws {
        try await TestDatabase.with { database in
            let ring = AuditFixtures.ring()
            try await KeyRegistry(database: database.database).register(ring, source: "original")
            try await AuditStoreHarness.write(AuditFixtures.events(5), to: database, ring: ring)

            let impostor = AuditFixtures.ring()
            await #expect {
                try await KeyRegistry(database: database.database).register(impostor, source: "/etc/claimsgate/audit.keys")
            } throws: { error in
                (error as? CryptoError)?.code == .wrongKey && "\(error)".contains("audit key 1")
            }
            let record = try #require(try await AuditRepository(database: database.database).records().first)
            #expect(throws: CryptoError.self) { try AuditSealer(ring: impostor).details(of: record) }

            let root = try AuditStoreHarness.root(audit: impostor)
            let cli = try AuditStoreHarness.cli(["audit", "show"], root: root.url, database: database)
            #expect(cli.status != 0)
            #expect(!cli.output.contains("batch"))
        }
    }

    @Test func keyFilesAreCreatedPrivateAndRefusedWhenReadableByOthers() throws {
        let directory = try TemporaryDirectory()
        let file = KeyFile(url: directory.url.appendingPathComponent("var/keys/audit.keys"), purpose: "audit")
        _ = try file.loadOrCreate()
        let fileMode = try FileManager.default.attributesOfItem(atPath: file.url.path)[.posixPermissions] as? Int
        let directoryMode = try FileManager.default.attributesOfItem(
            atPath: file.url.deletingLastPathComponent().path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(directoryMode == 0o700)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.url.path)
        #expect { try file.load() } throws: { ($0 as? CryptoError)?.code == .keyFile }
    }
}
