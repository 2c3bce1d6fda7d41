import AuditLog
import ClaimsCore
import ClaimsCrypto
import ClaimsPipeline
import ClaimsStore
import ClaimsTestSupport
import Foundation
import Logging
import Testing
import X12
import X12Acknowledgments

/// The file's life against a real PostgreSQL: every step recorded, each safe to repeat after a
/// crash, nothing processed twice.
@Suite struct FileProcessorTests {
    static let partner = PartnerConfiguration(
        id: "demo", senderIDs: [.init(qualifier: "ZZ", id: "DEMOSUBMITTER")], positive999: true)

    struct Setup {
        let root: TemporaryDirectory
        var processor: FileProcessor
        let database: Database
        let phi = KeyRing(purpose: "phi", currentID: 1, keys: [.generate(id: 1)])

        init(_ database: TestDatabase) throws {
            root = try TemporaryDirectory()
            self.database = database.database
            let base = root.url.appendingPathComponent("var")
            processor = FileProcessor(
                identity: GatewayIdentity(),
                directories: PipelineDirectories(
                    processing: base.appendingPathComponent("processing"),
                    archive: base.appendingPathComponent("archive"),
                    quarantine: base.appendingPathComponent("quarantine"), outbox: base.appendingPathComponent("outbox")),
                acknowledgmentFileName: "{timestamp}_{name}_{kind}.x12", database: database.database, phi: phi,
                audit: DisabledAuditRecorder(), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        }

        var outbox: URL { processor.directories.outbox(for: "demo") }

        func fixture(_ name: String, claims: Int = 6, seed: Int = 7) throws -> URL {
            let inbox = root.url.appendingPathComponent("inbox/demo")
            try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
            let url = inbox.appendingPathComponent(name)
            try IndependentFixture.write(claims: claims, to: url, seed: seed)
            return url
        }
    }

    @Test func fileGoesFromInboxToArchiveWithRowsAndAcknowledgments() async throws {
        try await TestDatabase.with { database in
            let setup = try Setup(database)
            let url = try setup.fixture("a.x12")
            try await setup.processor.intake(url, partner: Self.partner, channel: .inbox)
            let record = try #require(try await FileRepository(database: setup.database).files(inState: [.archived]).first)
            #expect(!FileManager.default.fileExists(atPath: url.path))
            // Archived sealed under the PHI key, bound to the file id.
            let archive = URL(fileURLWithPath: try #require(record.storedPath))
            #expect(!(try Data(contentsOf: archive)).starts(with: Array("ISA".utf8)))
            #expect(try ArchiveCipher.openedWhole(archive, fileID: record.id, ring: setup.phi).starts(with: Array("ISA".utf8)))
            #expect(throws: CryptoError.self) { try ArchiveCipher.openedWhole(archive, fileID: record.id + 1, ring: setup.phi) }
            #expect(try await ClaimRepository(database: setup.database).claimCount(fileID: record.id) == 6)
            let acknowledgments = try await AcknowledgmentRepository(database: setup.database).acknowledgments(fileID: record.id)
            #expect(Set(acknowledgments.map(\.kind.rawValue)) == ["999", "277CA"])
            #expect(GatewayProcess.files(under: setup.outbox).count == 2)
        }
    }

    /// Claims with values no well-formed claim has (service lines repeating an LX number, a charge
    /// of thirteen digits, a NUL byte, which PostgreSQL's text cannot hold) are answered like any
    /// other claim and stored whole: what a partner sends cannot stop the file's other claims from
    /// being stored.
    @Test func unusualValuesAreStoredNotFatal() async throws {
        try await TestDatabase.with { database in
            let setup = try Setup(database)
            let url = try setup.fixture("lx.x12")
            let segments = try Self.withUnusualValues(String(contentsOf: url, encoding: .utf8).components(separatedBy: "~"))
            try segments.joined(separator: "~").write(to: url, atomically: true, encoding: .utf8)
            try await setup.processor.intake(url, partner: Self.partner, channel: .inbox)
            let record = try #require(try await FileRepository(database: setup.database).files(inState: [.archived]).first)
            let claims = ClaimRepository(database: setup.database)
            #expect(try await claims.claimCount(fileID: record.id) == 6)
            #expect(try await claims.serviceLineCount(fileID: record.id) == Self.count("LX", in: segments))
            let stored = try await claims.claims(fileID: record.id)
            #expect(stored.first?.patientControlNumber == "P\u{FFFD}T0007000001")
            #expect(stored.last?.totalCharge == Amount(cents: 100_000_000_000_000))
            let acknowledgments = try await AcknowledgmentRepository(database: setup.database).acknowledgments(fileID: record.id)
            #expect(Set(acknowledgments.map(\.kind.rawValue)) == ["999", "277CA"])
        }
    }

    /// The fixture's segments with the first `LX*2` made a second `LX*1`, a NUL byte in the first
    /// CLM01 and a charge of thirteen whole digits in the last CLM02.
    static func withUnusualValues(_ segments: [String]) throws -> [String] {
        var segments = segments
        let tags = segments.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let repeated = try #require(tags.firstIndex(of: "LX*2"))
        segments[repeated] = segments[repeated].replacingOccurrences(of: "LX*2", with: "LX*1")
        let first = try #require(tags.firstIndex { $0.hasPrefix("CLM*") })
        segments[first] = segments[first].replacingOccurrences(of: "CLM*PT", with: "CLM*P\u{0}T")
        let last = try #require(tags.lastIndex { $0.hasPrefix("CLM*") })
        var elements = tags[last].components(separatedBy: "*")
        elements[2] = "1000000000000.00"
        segments[last] = elements.joined(separator: "*")
        return segments
    }

    /// How many of `segments` have the tag `tag`.
    static func count(_ tag: String, in segments: [String]) -> Int {
        segments.filter { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(tag + "*") }.count
    }

    /// The same interchange sent again (same sender, same ISA13) under another name: TA1 R/025,
    /// no 999, no 277CA, no claims stored a second time.
    @Test func resentInterchangeIsRejectedWithTA1() async throws {
        try await TestDatabase.with { database in
            let setup = try Setup(database)
            try await setup.processor.intake(try setup.fixture("first.x12"), partner: Self.partner, channel: .inbox)
            try await setup.processor.intake(try setup.fixture("again.x12"), partner: Self.partner, channel: .inbox)
            let names = GatewayProcess.files(under: setup.outbox)
            let ta1 = try #require(names.first { $0.hasSuffix("_again.x12_TA1.x12") })
            let text = try String(contentsOf: setup.outbox.appendingPathComponent(ta1), encoding: .utf8)
            #expect(text.contains("*R*025~"))
            #expect(!names.contains { $0.contains("_again.x12_999") || $0.contains("_again.x12_277CA") })
            let files = try await FileRepository(database: setup.database).files(inState: [.archived])
            let again = try #require(files.first { $0.originalName == "again.x12" })
            #expect(try await ClaimRepository(database: setup.database).claimCount(fileID: again.id) == 0)
        }
    }

    /// The same claims sent again in a new interchange (another ISA13, so no TA1 025): each is
    /// found among the duplicate keys the first file's claims were recorded under, rejected
    /// (DUP-001, A3 in the 277CA) and stored as rejected; their keys are not recorded again.
    @Test func claimsSentAgainInANewInterchangeAreRejectedAsDuplicates() async throws {
        try await TestDatabase.with { database in
            let setup = try Setup(database)
            let first = try setup.fixture("first.x12")
            let again = first.deletingLastPathComponent().appendingPathComponent("again.x12")
            try Self.renumbered(try Data(contentsOf: first), interchange: "000000777").write(to: again)
            try await setup.processor.intake(first, partner: Self.partner, channel: .inbox)
            try await setup.processor.intake(again, partner: Self.partner, channel: .inbox)
            let files = try await FileRepository(database: setup.database).files(inState: [.archived])
            let claims = ClaimRepository(database: setup.database)
            let firstID = try #require(files.first { $0.originalName == "first.x12" }).id
            let againID = try #require(files.first { $0.originalName == "again.x12" }).id
            #expect(try await claims.claims(fileID: firstID).map(\.state) == Array(repeating: .accepted, count: 6))
            #expect(try await claims.claims(fileID: againID).map(\.state) == Array(repeating: .rejected, count: 6))
            let recordedKeys = try await setup.database.withConnection { connection in
                try [firstID, againID].map {
                    try connection.execute("SELECT count(*) FROM claim_submissions WHERE file_id = $1", parameters: [String($0)])
                        .int64()
                }
            }
            #expect(recordedKeys == [6, 0])
            let names = GatewayProcess.files(under: setup.outbox)
            let report = try #require(names.first { $0.hasSuffix("_again.x12_277CA.x12") })
            #expect(try String(contentsOf: setup.outbox.appendingPathComponent(report), encoding: .utf8).contains("STC*A3"))
        }
    }

    /// The interchange `x12` with ISA13 and IEA02 set to `interchange`.
    static func renumbered(_ x12: Data, interchange: String) -> Data {
        let text = String(decoding: x12, as: UTF8.self)
        let separator = text[text.index(text.startIndex, offsetBy: 3)]
        let terminator = text[text.index(text.startIndex, offsetBy: 105)]
        let segments = text.split(separator: terminator, omittingEmptySubsequences: false).map { segment in
            var elements = segment.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            if elements.first?.hasSuffix("ISA") == true { elements[13] = interchange }
            if elements.first?.hasSuffix("IEA") == true { elements[2] = interchange }
            return elements.joined(separator: String(separator))
        }
        return Data(segments.joined(separator: String(terminator)).utf8)
    }

    /// A crash after the claims were stored and the 999 was written, before the 277CA: resuming
    /// writes the 277CA, keeps the 999 it already wrote, and stores no claim twice.
    @Test func resumeAfterCrashFinishesWithoutRepeatingAnything() async throws {
        try await TestDatabase.with { database in
            let setup = try Setup(database)
            let files = FileRepository(database: setup.database)
            let url = try setup.fixture("crash.x12", claims: 9)
            let bytes = [UInt8](try Data(contentsOf: url))
            var record = try await files.registerFile(
                partner: "demo", channel: .inbox, originalName: "crash.x12", sha256: SHA256.hex(bytes),
                sizeBytes: Int64(bytes.count))
            let processing = setup.processor.directories.processing.appendingPathComponent("\(record.id)_crash.x12")
            try DurableFile.move(url, to: processing)
            #expect(try await files.transition(record.id, from: [.received], to: .processing, storedPath: processing.path))
            record = try #require(try await files.file(record.id))

            // First run, interrupted: resume once fully, then replay the crash point by rolling the
            // state back to `persisted` and removing the 277CA's record and file.
            try await setup.processor.resume(record, partner: Self.partner)
            let firstAcks = try await AcknowledgmentRepository(database: setup.database).acknowledgments(fileID: record.id)
            let ack999 = try #require(firstAcks.first { $0.kind.rawValue == "999" })
            let ack277 = try #require(firstAcks.first { $0.kind.rawValue == "277CA" })
            let bytes999 = try Data(contentsOf: setup.outbox.appendingPathComponent(ack999.fileName))
            try await setup.database.withConnection { connection in
                try connection.execute("DELETE FROM acknowledgments WHERE kind = '277CA'")
                try connection.execute("UPDATE files SET state = 'persisted', stored_path = $1", parameters: [processing.path])
            }
            let archived = try #require(try await files.file(record.id)?.storedPath)
            #expect(archived == processing.path)
            // The crash came before the archive step: the clear copy is still in processing/.
            try FileManager.default.removeItem(
                at: setup.processor.directories.archive(receivedAt: record.receivedAt).appendingPathComponent(
                    "\(record.id)_crash.x12"))
            try Data(bytes).write(to: processing)
            try FileManager.default.removeItem(at: setup.outbox.appendingPathComponent(ack277.fileName))

            try await setup.processor.resume(try #require(try await files.file(record.id)), partner: Self.partner)
            #expect(try await files.file(record.id)?.state == .archived)
            #expect(try await ClaimRepository(database: setup.database).claimCount(fileID: record.id) == 9)
            #expect(try Data(contentsOf: setup.outbox.appendingPathComponent(ack999.fileName)) == bytes999)
            #expect(GatewayProcess.files(under: setup.outbox) == [ack277.fileName, ack999.fileName].sorted())
            let acknowledgments = try await AcknowledgmentRepository(database: setup.database).acknowledgments(fileID: record.id)
            #expect(acknowledgments.count == 2)
        }
    }

    /// A file judged one transaction set per window (a rejected set in the middle) stores the same
    /// claims, in the same order, and writes byte for byte the acknowledgments that judging and
    /// planning the whole file at once gives.
    @Test func windowByWindowMatchesTheWholeFileAtOnce() async throws {
        try await TestDatabase.with { database in
            var setup = try Setup(database)
            setup.processor.windowBytes = 1
            let url = try setup.fixture("windows.x12", claims: 12)
            try IndependentFixture.write(claims: 12, to: url, seed: 7, badSE01InSet: 2)
            let bytes = [UInt8](try Data(contentsOf: url))
            try await setup.processor.intake(url, partner: Self.partner, channel: .inbox)
            let record = try #require(try await FileRepository(database: setup.database).files(inState: [.archived]).first)

            let whole = try FileAssessor(identity: GatewayIdentity()).assess(
                X12Source(bytes: bytes), partner: Self.partner, receivedDate: CalendarDate(utc: record.receivedAt))
            let stored = try await ClaimRepository(database: setup.database).claims(fileID: record.id)
            #expect(stored.count == whole.claimOutcomes.count && stored.count == 8)
            #expect(stored.map(\.patientControlNumber) == whole.claimOutcomes.map(\.claim.patientControlNumber))
            #expect(stored.map { $0.state == .accepted } == whole.claimOutcomes.map(\.accepted))

            let written = try await AcknowledgmentRepository(database: setup.database).acknowledgments(fileID: record.id)
            let byKind = Dictionary(uniqueKeysWithValues: written.map { ($0.kind.rawValue, $0) })
            var numbers = [try #require(byKind["999"]), try #require(byKind["277CA"])].map { Int($0.interchangeControlNumber)! }
            let planner = AcknowledgmentPlanner(
                identity: GatewayIdentity(), partner: Self.partner, receivedAt: AcknowledgmentTimestamp(record.receivedAt),
                fileID: record.id)
            let expected = await AcknowledgmentPlanner.assemble(planner.plan(whole)) { numbers.removeFirst() }
            #expect(expected.map(\.kind) == [.implementation, .claim])
            for file in expected {
                let name = try #require(byKind[file.kind.rawValue]).fileName
                #expect([UInt8](try Data(contentsOf: setup.outbox.appendingPathComponent(name))) == file.bytes)
            }
        }
    }

    /// A transaction set with more claims than the partner's limit is rejected unread (TS-010: an
    /// IK3 on its first claim past the limit) and none of its claims is stored; the other sets of
    /// the file go through as usual.
    @Test func setsOverTheClaimLimitAreRejectedUnread() async throws {
        try await TestDatabase.with { database in
            let setup = try Setup(database)
            var partner = Self.partner
            partner.validation.rules.maxClaimsPerTransactionSet = 4
            // Fourteen claims in three sets: 5, 5 and 4.
            let url = try setup.fixture("big-sets.x12", claims: 14)
            let sent = Self.segments(try String(contentsOf: url, encoding: .utf8))
            try await setup.processor.intake(url, partner: partner, channel: .inbox)
            let record = try #require(try await FileRepository(database: setup.database).files(inState: [.archived]).first)
            #expect(try await ClaimRepository(database: setup.database).claimCount(fileID: record.id) == 4)

            let written = try await AcknowledgmentRepository(database: setup.database).acknowledgments(fileID: record.id)
            let name = try #require(written.first(where: { $0.kind.rawValue == "999" })).fileName
            let bytes = [UInt8](try Data(contentsOf: setup.outbox.appendingPathComponent(name)))
            let segments = Self.segments(String(decoding: bytes, as: UTF8.self))
            // One IK3 per rejected set, on its fifth CLM (IK302 counted from its ST = 1).
            let starts = sent.indices.filter { sent[$0].hasPrefix("ST*") }
            let fifthClaims = starts.prefix(2).map { start in
                let claims = sent[start...].indices.filter { sent[$0].hasPrefix("CLM*") }
                return "IK3*CLM*\(claims[4] - start + 1)*2300*4"
            }
            #expect(segments.filter { $0.hasPrefix("IK3*") } == fifthClaims)
            #expect(segments.filter { $0.hasPrefix("IK5*") } == ["IK5*R*5", "IK5*R*5", "IK5*A"])
            #expect(segments.contains("AK9*P*3*3*1"))
            #expect(try Pyx12.validate(bytes: bytes).isValid)
        }
    }

    /// X12 text as segments, without the line breaks between them.
    static func segments(_ text: String) -> [String] {
        text.split(separator: "~").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// A 277CA staged by an attempt that never finished is swept; the files in processing are not.
    @Test func stagedLeftoversAreSwept() async throws {
        try await TestDatabase.with { database in
            let setup = try Setup(database)
            let processing = setup.processor.directories.processing
            try DurableFile.createDirectory(processing)
            try Data("ISA".utf8).write(to: processing.appendingPathComponent(".20261130T101500Z_a.x12_277CA.x12.tmp"))
            try Data("ISA".utf8).write(to: processing.appendingPathComponent("7_a.x12"))
            #expect(try setup.processor.sweepStagedFiles() == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: processing.path) == ["7_a.x12"])
        }
    }
}
