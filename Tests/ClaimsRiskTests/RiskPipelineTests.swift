import AuditLog
import ClaimsApp
import ClaimsCore
import ClaimsCrypto
import ClaimsPipeline
import ClaimsRisk
import ClaimsStore
import ClaimsTestSupport
import Foundation
import Logging
import Synchronization
import Testing
import X12

/// The scoring stage and the review queue on real PostgreSQL, real files and pyx12.
@Suite struct RiskPipelineTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// An audit hook that keeps what it is given (the real one seals into the audit trail).
    final class RecordingAudit: AuditHook {
        let events = Mutex<[ClaimsCore.AuditEvent]>([])
        func record(_ event: ClaimsCore.AuditEvent) async throws { events.withLock { $0.append(event) } }
    }

    struct Harness {
        let root: TemporaryDirectory
        let processor: FileProcessor
        let partner: PartnerConfiguration
        let database: Database

        init(database: Database, threshold: Double, mode: RiskPolicy.ReviewMode, windowBytes: Int? = nil) throws {
            self.database = database
            root = try TemporaryDirectory()
            let directories = PipelineDirectories(
                processing: root.url.appendingPathComponent("processing"), archive: root.url.appendingPathComponent("archive"),
                quarantine: root.url.appendingPathComponent("quarantine"), outbox: root.url.appendingPathComponent("outbox"))
            for directory in ["processing", "archive", "quarantine", "outbox/demo", "inbox"] {
                try FileManager.default.createDirectory(
                    at: root.url.appendingPathComponent(directory), withIntermediateDirectories: true)
            }
            var processor = FileProcessor(
                identity: GatewayIdentity(), directories: directories, acknowledgmentFileName: "{timestamp}_{name}_{kind}.x12",
                risk: try RiskStage(modelFile: RiskFixtures.shippedModelURL), database: database,
                phi: KeyRing(purpose: "phi", currentID: 1, keys: [.generate(id: 1)]), audit: DisabledAuditRecorder(),
                logger: RiskPipelineTests.logger)
            if let windowBytes { processor.windowBytes = windowBytes }
            self.processor = processor
            var partner = PartnerConfiguration(id: "demo", senderIDs: [.init(qualifier: "ZZ", id: "DEMOSUBMITTER")])
            partner.risk = RiskPolicy(threshold: threshold, reviewMode: mode)
            self.partner = partner
        }

        /// Runs a labelled generated file through the processor; returns its file id.
        func process(
            claims: Int, seed: UInt64, name: String, interchangeControlNumber: Int? = nil, claimsPerTransactionSet: Int? = nil
        ) async throws -> Int64 {
            let inbox = root.url.appendingPathComponent("inbox")
            let data = try RiskFixtures.writeFile(
                claims: claims, seed: seed, labelled: true, in: inbox, name: name,
                interchangeControlNumber: interchangeControlNumber, claimsPerTransactionSet: claimsPerTransactionSet)
            try await processor.intake(data.file, partner: partner, channel: .inbox)
            let archived = try await FileRepository(database: database).files(inState: [.archived])
            return try #require(archived.first { $0.originalName == name }?.id)
        }

        var outbox: URL { root.url.appendingPathComponent("outbox/demo") }

        func claimStatuses(suffix: String) throws -> (bytes: [UInt8], statuses: [String]) {
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: outbox.path).first { $0.hasSuffix(suffix) })
            let bytes = [UInt8](try Data(contentsOf: outbox.appendingPathComponent(name)))
            var statuses: [String] = []
            var inPatientLevel = false
            let interchanges = try InterchangeReader.read(X12Source(bytes: bytes))
            for set in interchanges.flatMap(\.groups).flatMap(\.transactionSets) {
                for segment in set.segments {
                    if segment.id == "HL" { inPatientLevel = segment[3].string == "PT" }
                    if inPatientLevel, segment.id == "STC" {
                        statuses.append(segment[1].string)
                        inPatientLevel = false
                    }
                }
            }
            return (bytes, statuses)
        }
    }

    @Test func heldClaimsArePendedAndAReleaseIsAuditedAndAcknowledged() async throws {
        try await TestDatabase.with { db in
            let harness = try Harness(database: db.database, threshold: 0.5, mode: .pend)
            let fileID = try await harness.process(claims: 300, seed: 21, name: "pend.x12")
            let stored = try await ClaimRepository(database: db.database).claims(fileID: fileID)
            #expect(stored.count == 300)
            #expect(stored.allSatisfy { $0.riskScore.map { (0...1).contains($0) } == true })
            let held = stored.filter { $0.state == .review }
            #expect(!held.isEmpty && held.count < 150)
            #expect(held.allSatisfy { $0.riskScore! > 0.5 })
            #expect(stored.filter { $0.state == .accepted }.allSatisfy { $0.riskScore! <= 0.5 })

            let ack = try harness.claimStatuses(suffix: "_pend.x12_277CA.x12")
            #expect(ack.statuses.count == 300)
            #expect(ack.statuses.count { $0.hasPrefix("A1:19") } == held.count)
            #expect(try Pyx12.validate(bytes: ack.bytes).isValid)

            let queue = try await ReviewRepository(database: db.database).pending()
            #expect(queue.count == held.count)
            #expect(queue.map { $0.score! } == queue.map { $0.score! }.sorted(by: >))
            let first = try #require(queue.first)
            #expect(first.topFactorsJSON?.contains("contribution") == true)

            let audit = RecordingAudit()
            let partner = harness.partner
            let service = ReviewService(
                processor: harness.processor, database: db.database, audit: audit, partner: { $0 == partner.id ? partner : nil })
            let reference = ClaimReference(fileID: first.fileID, claimIndex: first.claimIndex)
            let decided = try await service.decide(reference, .released, reviewer: "ana", reason: "checked")
            #expect(decided.item.state == .accepted)
            #expect(decided.item.decision == "released")
            #expect(audit.events.withLock { $0.map(\.action) } == ["review.released"])
            #expect(audit.events.withLock { $0.first?.subject } == reference.description)
            let followUp = try harness.claimStatuses(suffix: "_pend.x12_\(reference)_277CA.x12")
            #expect(followUp.statuses == ["A2:20"])
            #expect(try Pyx12.validate(bytes: followUp.bytes).isValid)

            await #expect(throws: ReviewService.Failure.self) {
                try await service.decide(reference, .rejected, reviewer: "ana", reason: nil)
            }
            #expect(try await ReviewRepository(database: db.database).pending().count == held.count - 1)
        }
    }

    /// A decision reads the archived file back a window at a time, as it was stored: the 277CA
    /// it writes names the decided claim, wherever in the file it is.
    @Test func aDecisionOnAClaimInALaterWindowNamesThatClaim() async throws {
        try await TestDatabase.with { db in
            let harness = try Harness(database: db.database, threshold: 0.5, mode: .pend, windowBytes: 1)
            let fileID = try await harness.process(claims: 300, seed: 23, name: "windows.x12", claimsPerTransactionSet: 50)
            let stored = try await ClaimRepository(database: db.database).claims(fileID: fileID)
            let held = try #require(stored.last { $0.state == .review })
            #expect(held.claimIndex >= 50)
            let service = ReviewService(
                processor: harness.processor, database: db.database, audit: RecordingAudit(), partner: { _ in harness.partner })
            let reference = ClaimReference(fileID: fileID, claimIndex: held.claimIndex)
            _ = try await service.decide(reference, .released, reviewer: "ana", reason: nil)
            let followUp = try harness.claimStatuses(suffix: "_windows.x12_\(reference)_277CA.x12")
            #expect(followUp.statuses == ["A2:20"])
            let interchanges = try InterchangeReader.read(X12Source(bytes: followUp.bytes))
            // The claim's trace (TRN*2 under the patient level, HL03 = PT) is its CLM01.
            var level = ""
            var traces: [String] = []
            for set in interchanges.flatMap(\.groups).flatMap(\.transactionSets) {
                for segment in set.segments {
                    if segment.id == "HL" { level = segment[3].string }
                    if level == "PT", segment.id == "TRN" { traces.append(segment[2].string) }
                }
            }
            #expect(traces == [held.patientControlNumber])
        }
    }

    /// Windows are scored ahead of their turn (against the file's windows stored by then), then
    /// settled against the window stored meanwhile: the stored scores are those of scoring the
    /// whole file at once, duplicates of claims in earlier windows included (which scoring each
    /// window alone would miss; the file repeats claims several windows apart, so leaving the
    /// file's own stored windows out of the look-up fails this too).
    @Test func windowsScoredAheadMatchTheWholeFileScoredAtOnce() async throws {
        try await TestDatabase.with { db in
            let harness = try Harness(database: db.database, threshold: 0.5, mode: .pend, windowBytes: 1)
            let inbox = harness.root.url.appendingPathComponent("inbox")
            let file = try RiskFixtures.writeFile(
                claims: 300, seed: 31, labelled: true, in: inbox, name: "ahead.x12", claimsPerTransactionSet: 10).file
            let bytes = [UInt8](try Data(contentsOf: file))
            try await harness.processor.intake(file, partner: harness.partner, channel: .inbox)
            let record = try #require(try await FileRepository(database: db.database).files(inState: [.archived]).first)
            let stored = try await db.database.withConnection { connection in
                try connection.execute("SELECT score, features FROM claim_risk ORDER BY claim_index").rows
            }
            let (whole, windowByWindow) = try Self.scores(bytes, receivedAt: record.receivedAt, partner: harness.partner)
            #expect(stored.count == whole.count && whole.count == 300)
            #expect(zip(stored, whole).allSatisfy { abs(Double($0[0]!)! - $1.assessment.score) < 1e-12 })
            let duplicates = RiskFeature.exactDuplicate.index
            #expect(stored.map { $0[1]!.dropFirst().split(separator: ",")[duplicates] == "1" } == whole.map {
                $0.assessment.features[duplicates] == 1
            })
            // The file repeats claims across windows: scored alone, the windows would differ.
            #expect(zip(whole, windowByWindow).contains { $0.assessment.score != $1.assessment.score })
        }
    }

    /// Scores of a first file's claims (no history, no other file): the whole file at once, and each
    /// ten-claim window alone.
    static func scores(_ bytes: [UInt8], receivedAt: Date, partner: PartnerConfiguration) throws
        -> (whole: [RiskStage.Scored], windowByWindow: [RiskStage.Scored])
    {
        let inputs = try FileAssessor(identity: GatewayIdentity()).assess(
            X12Source(bytes: bytes), partner: partner, receivedDate: CalendarDate(utc: receivedAt)
        ).scoringInputs
        let stage = try RiskStage(modelFile: RiskFixtures.shippedModelURL)
        let whole = stage.score(inputs, history: ([:], [:]), known: [], policy: partner.risk)
        let windowByWindow = stride(from: 0, to: inputs.count, by: 10).flatMap { start in
            stage.score(Array(inputs[start..<min(start + 10, inputs.count)]), history: ([:], [:]), known: [], policy: partner.risk)
        }
        return (whole, windowByWindow)
    }

    @Test func aRejectionCountsInTheHistoryAndIsAcknowledged() async throws {
        try await TestDatabase.with { db in
            let harness = try Harness(database: db.database, threshold: 0.5, mode: .pend)
            let fileID = try await harness.process(claims: 200, seed: 22, name: "reject.x12")
            let item = try #require(try await ReviewRepository(database: db.database).pending().first)
            let npi = try #require(item.billingProviderNPI)
            let before = try await RiskRepository(database: db.database).history(providers: [npi], payers: [])
            let service = ReviewService(
                processor: harness.processor, database: db.database, audit: RecordingAudit(), partner: { _ in harness.partner })
            let reference = ClaimReference(fileID: fileID, claimIndex: item.claimIndex)
            _ = try await service.decide(reference, .rejected, reviewer: "ana", reason: nil)
            let after = try await RiskRepository(database: db.database).history(providers: [npi], payers: [])
            #expect(after.providers[npi]!.rejections == before.providers[npi]!.rejections + 1)
            #expect(after.providers[npi]!.claims == before.providers[npi]!.claims)
            let followUp = try harness.claimStatuses(suffix: "_\(reference)_277CA.x12")
            #expect(followUp.statuses == ["A3:21"])
            #expect(try Pyx12.validate(bytes: followUp.bytes).isValid)
            #expect(try await ClaimRepository(database: db.database).claims(fileID: fileID)[item.claimIndex].state == .rejected)
        }
    }

    @Test func deferModeLeavesHeldClaimsOutOfTheFirst277CA() async throws {
        try await TestDatabase.with { db in
            let harness = try Harness(database: db.database, threshold: 0.5, mode: .defer)
            let fileID = try await harness.process(claims: 200, seed: 23, name: "defer.x12")
            let held = try await ReviewRepository(database: db.database).heldClaims(fileID: fileID)
            #expect(!held.isEmpty)
            let ack = try harness.claimStatuses(suffix: "_defer.x12_277CA.x12")
            #expect(ack.statuses.count == 200 - held.count)
            #expect(ack.statuses.allSatisfy { $0.hasPrefix("A2:20") })
            #expect(try Pyx12.validate(bytes: ack.bytes).isValid)
        }
    }

    /// A second file repeating the first one's claims: every repeat is an exact duplicate of a
    /// stored claim, and the history the second file sees counts the first.
    @Test func laterFilesSeeStoredHistoryAndDuplicates() async throws {
        try await TestDatabase.with { db in
            let harness = try Harness(database: db.database, threshold: 1, mode: .pend)
            let first = try await harness.process(claims: 50, seed: 24, name: "first.x12")
            // Same claims in a new interchange (a resent ISA13 would be refused with TA1 025).
            let second = try await harness.process(
                claims: 50, seed: 24, name: "second.x12", interchangeControlNumber: 424_242)
            let features = try await db.database.withConnection { connection in
                try connection.execute(
                    "SELECT file_id, features[$1] FROM claim_risk ORDER BY file_id, claim_index",
                    parameters: [String(RiskFeature.exactDuplicate.index + 1)]
                ).rows
            }
            let firstFlags = features.filter { $0[0] == String(first) }.map { $0[1] }
            let secondFlags = features.filter { $0[0] == String(second) }.map { $0[1] }
            #expect(secondFlags.count == 50 && secondFlags.allSatisfy { $0 == "1" })
            #expect(firstFlags.filter { $0 == "1" }.count < 5)
            let volume = try await db.database.withConnection { connection in
                try connection.execute(
                    "SELECT max(features[$1]) FROM claim_risk WHERE file_id = $2",
                    parameters: [String(RiskFeature.logProviderVolume.index + 1), String(second)]
                ).rows[0][0]
            }
            #expect(Double(volume ?? "0")! > 0)
            #expect(try await ReviewRepository(database: db.database).pending().isEmpty)
        }
    }

    /// `model train --from db`: stored feature vectors, labelled by the review decisions.
    @Test func retrainsFromStoredOutcomes() async throws {
        try await TestDatabase.with { db in
            let harness = try Harness(database: db.database, threshold: 0.3, mode: .pend)
            let fileID = try await harness.process(claims: 300, seed: 25, name: "outcomes.x12")
            let reviews = ReviewRepository(database: db.database)
            let held = try await reviews.heldClaims(fileID: fileID)
            for index in held.sorted() {
                _ = try await reviews.decide(fileID: fileID, claimIndex: index, .rejected, reviewer: "test", reason: nil)
            }
            let shipped = try RiskFixtures.shippedModel()
            let model = try await StoredOutcomeTraining.train(
                ModelTrainer(), database: db.database, charges: shipped.charges, version: "db", command: "test")
            #expect(model.training.trainingExamples + model.training.heldOut.examples == 300)
            #expect(model.training.trainingPositives + model.training.heldOut.positives == held.count)
            #expect(model.charges == shipped.charges)
            #expect(try RiskScorer(model: model).model.version == "db")
        }
    }
}
