import AuditLog
import ClaimsApp
import ClaimsCore
import ClaimsCrypto
import ClaimsStore
import ClaimsTestSupport
import Foundation
import Logging
import Synchronization
import Testing

/// Retention purges the sealed archive copy and the demographics of files older than the
/// configured age, keeps younger ones, and audits what it purged.
@Suite struct RetentionJobTests {
    @Test func purgesOldArchivesAndPHIOnly() async throws {
        try await TestDatabase.with { database in
            let directory = try TemporaryDirectory()
            let phi = KeyRing(purpose: "phi", currentID: 1, keys: [.generate(id: 1)])
            let files = FileRepository(database: database.database)
            let claims = ClaimRepository(database: database.database, phi: phi)
            var ids: [Int64] = []
            for (name, ageDays) in [("old.x12", 40), ("young.x12", 2)] {
                let archived = directory.url.appendingPathComponent(name)
                try Data("sealed".utf8).write(to: archived)
                let record = try await files.registerFile(
                    partner: "demo", channel: .inbox, originalName: name, sha256: String(repeating: "cd", count: 32),
                    sizeBytes: 6)
                let subscriber = Person(lastName: "ROE", firstName: "RAY", memberID: "R\(record.id)")
                let claim = Claim(
                    patientControlNumber: "P1", totalCharge: Amount(cents: 100), placeOfService: "11", frequencyCode: "1",
                    billingProvider: Provider(entityType: "2", lastOrOrganizationName: "CLINIC", npi: nil, taxID: nil, address: nil),
                    subscriber: subscriber, patientRelationship: "18", payer: Payer(name: "PAYER", identifier: "P"),
                    diagnoses: [], serviceLines: [],
                    position: ClaimPosition(
                        interchange: 0, group: 0, transactionSet: 0, transactionSetControlNumber: "0001", segmentPosition: 3,
                        billingProviderIndex: 0))
                try await claims.storeClaims(fileID: record.id, [ClaimRow(claim: claim, state: .accepted)])
                try await database.database.withConnection { connection in
                    try connection.execute(
                        """
                        UPDATE files SET state = 'archived', stored_path = $2, received_at = now() - make_interval(days => $3)
                        WHERE id = $1
                        """,
                        parameters: [String(record.id), archived.path, String(ageDays)])
                }
                ids.append(record.id)
            }
            let recorder = RecordedEvents()
            let job = RetentionJob(
                maxAgeDays: 30, database: database.database, phi: phi, audit: recorder,
                logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })

            #expect(try await job.runOnce() == [ids[0]])
            #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("old.x12").path))
            #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("young.x12").path))
            #expect(try await claims.demographics(fileID: ids[0]).first?.memberID == nil)
            #expect(try await claims.demographics(fileID: ids[1]).first?.memberID == "R\(ids[1])")
            let events = recorder.events.withLock { $0 }
            #expect(events.map(\.action) == ["retention.purged"])
            #expect(events.first?.details["files"] == String(ids[0]))
            #expect(try await job.runOnce().isEmpty)
        }
    }
}
