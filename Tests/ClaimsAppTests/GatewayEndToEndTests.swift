import ClaimsStore
import ClaimsTestSupport
import Foundation
import Testing
import X12

/// The whole path on its real parts: a `claimsgate serve` process, real inotify, real PostgreSQL,
/// files moved into the inbox as an admin would, acknowledgments checked with pyx12.
@Suite(.serialized) struct GatewayEndToEndTests {
    @Test func thousandClaimFileBecomesRowsAndAcknowledgments() async throws {
        try await TestDatabase.with { database in
            let root = try TemporaryDirectory()
            let gateway = try await GatewayProcess(root: root.url, databaseURL: database.url)
            let file = root.url.appendingPathComponent("batch1.x12")
            try IndependentFixture.write(claims: 1_000, to: file)
            try gateway.drop(file, as: "batch1.x12")

            try await database.waitUntilArchived(["batch1.x12"])
            let acks = GatewayProcess.files(under: gateway.outbox)
            #expect(acks.contains { $0.hasSuffix("_batch1.x12_999.x12") })
            #expect(acks.contains { $0.hasSuffix("_batch1.x12_277CA.x12") })
            #expect(GatewayProcess.files(under: gateway.archive).contains { $0.hasSuffix("_batch1.x12") })
            let ack999 = try Acknowledgment(in: gateway.outbox, suffix: "_batch1.x12_999.x12")
            #expect(ack999.segments("IK5").allSatisfy { $0 == ["A"] })
            #expect(ack999.segments("IK5").count == 3)
            #expect(ack999.segments("AK9") == [["A", "3", "3", "3"]])
            let ack277 = try Acknowledgment(in: gateway.outbox, suffix: "_batch1.x12_277CA.x12")
            #expect(ack277.claimStatuses.count == 1_000)
            #expect(ack277.claimStatuses.allSatisfy { $0.hasPrefix("A2:20") })
            for ack in [ack999, ack277] {
                let verdict = try Pyx12.validate(bytes: ack.bytes)
                #expect(verdict.isValid, "\(verdict.errors.prefix(5))")
            }
            let record = try #require(try await FileRepository(database: database.database).files(inState: [.archived]).first)
            #expect(try await ClaimRepository(database: database.database).claimCount(fileID: record.id) == 1_000)
            #expect(try await gateway.stop() == 0)
        }
    }

    @Test func wrongSegmentCountRejectsOnlyThatTransactionSet() async throws {
        try await TestDatabase.with { database in
            let root = try TemporaryDirectory()
            let gateway = try await GatewayProcess(root: root.url, databaseURL: database.url)
            let file = root.url.appendingPathComponent("bad-se.x12")
            try IndependentFixture.write(claims: 30, to: file, badSE01InSet: 2)
            let perSet = try Self.claimCountsPerTransactionSet(file)
            try gateway.drop(file, as: "bad-se.x12")

            try await database.waitUntilArchived(["bad-se.x12"])
            let ack999 = try Acknowledgment(in: gateway.outbox, suffix: "_bad-se.x12_999.x12")
            #expect(ack999.segments("IK5") == [["A"], ["R", "4"], ["A"]])
            #expect(ack999.segments("AK9") == [["P", "3", "3", "2"]])
            #expect(try Pyx12.validate(bytes: ack999.bytes).isValid)
            let ack277 = try Acknowledgment(in: gateway.outbox, suffix: "_bad-se.x12_277CA.x12")
            #expect(ack277.claimStatuses.count == perSet[0] + perSet[2])
            let record = try #require(try await FileRepository(database: database.database).files(inState: [.archived]).first)
            let stored = try await ClaimRepository(database: database.database).claims(fileID: record.id)
            #expect(stored.count == perSet[0] + perSet[2])
            #expect(Set(stored.map(\.transactionSetControlNumber)).count == 2)
            try await gateway.stop()
        }
    }

    @Test func filesThatAreNotX12AreQuarantinedAndTheGatewayGoesOn() async throws {
        try await TestDatabase.with { database in
            let root = try TemporaryDirectory()
            let gateway = try await GatewayProcess(root: root.url, databaseURL: database.url)
            let isa = "ISA*00*          *00*          *ZZ*DEMOSUBMITTER  *ZZ*CLAIMSGATE     *261130*1015*^*00501*000000001*0*T*:~"
            var random = SystemRandomNumberGenerator()
            let bad: [(String, [UInt8])] = [
                ("empty.x12", []),
                ("random.bin", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }),
                ("claims.pdf", Array("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n".utf8)),
                ("half-isa.x12", Array(isa.prefix(50).utf8)),
            ]
            for (name, bytes) in bad {
                let url = root.url.appendingPathComponent(name)
                try Data(bytes).write(to: url)
                try gateway.drop(url, as: name)
            }
            let files = FileRepository(database: database.database)
            try await waitUntil("four files quarantined") { try await files.files(inState: [.quarantined]).count == 4 }
            let quarantined = GatewayProcess.files(under: gateway.quarantine)
            for (name, _) in bad {
                #expect(quarantined.contains { $0.hasSuffix("_\(name)") })
                let record = try #require(quarantined.first { $0.hasSuffix("_\(name).error.json") })
                let report = try String(contentsOf: gateway.quarantine.appendingPathComponent(record), encoding: .utf8)
                #expect(report.contains("\"reason\""))
                #expect(report.contains("\"originalName\" : \"\(name)\""))
            }

            let good = root.url.appendingPathComponent("good.x12")
            try IndependentFixture.write(claims: 5, to: good)
            try gateway.drop(good, as: "good.x12")
            try await database.waitUntilArchived(["good.x12"])
            #expect(GatewayProcess.files(under: gateway.outbox).contains { $0.hasSuffix("_good.x12_999.x12") })
            try await gateway.stop()
        }
    }

    @Test func restartProcessesNothingTwiceAndTakesFilesDroppedWhileDown() async throws {
        try await TestDatabase.with { database in
            let root = try TemporaryDirectory()
            var gateway = try await GatewayProcess(root: root.url, databaseURL: database.url)
            let first = root.url.appendingPathComponent("first.x12")
            try IndependentFixture.write(claims: 12, to: first, seed: 1)
            try gateway.drop(first, as: "first.x12")
            try await database.waitUntilArchived(["first.x12"])
            #expect(try await gateway.stop() == 0)
            let acknowledgmentsBefore = GatewayProcess.files(under: gateway.outbox)

            let second = root.url.appendingPathComponent("second.x12")
            try IndependentFixture.write(claims: 8, to: second, seed: 2)
            try gateway.drop(second, as: "second.x12")
            gateway = try await GatewayProcess(root: root.url, databaseURL: database.url)
            try await database.waitUntilArchived(["first.x12", "second.x12"])
            let records = try await FileRepository(database: database.database).files(inState: Set(FileState.allCases))
            #expect(records.map(\.originalName).sorted() == ["first.x12", "second.x12"])
            #expect(records.allSatisfy { $0.state == .archived })
            let claims = ClaimRepository(database: database.database)
            let byName = Dictionary(uniqueKeysWithValues: records.map { ($0.originalName, $0.id) })
            #expect(try await claims.claimCount(fileID: byName["first.x12"]!) == 12)
            #expect(try await claims.claimCount(fileID: byName["second.x12"]!) == 8)
            let acknowledgmentsAfter = GatewayProcess.files(under: gateway.outbox)
            #expect(acknowledgmentsAfter.filter { $0.contains("_first.x12_") } == acknowledgmentsBefore)
            #expect(acknowledgmentsAfter.filter { $0.contains("_second.x12_") }.count == 2)
            try await gateway.stop()
        }
    }

    /// README's first command runs on the embedded default: no database URL, its own PostgreSQL
    /// under var/pg/ (as an unprivileged user when run as root).
    @Test func embeddedDatabaseIsTheDefault() async throws {
        let root = try TemporaryDirectory(prefix: "cg")
        let gateway = try await GatewayProcess(root: root.url, databaseURL: nil)
        let file = root.url.appendingPathComponent("embedded.x12")
        try IndependentFixture.write(claims: 3, to: file)
        try gateway.drop(file, as: "embedded.x12")
        try await waitUntil("the file to be archived") {
            GatewayProcess.files(under: gateway.archive).contains { $0.hasSuffix("_embedded.x12") }
        }
        #expect(FileManager.default.fileExists(atPath: root.url.appendingPathComponent("var/pg/data/PG_VERSION").path))
        #expect(try await gateway.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: root.url.appendingPathComponent("var/pg/data/postmaster.pid").path))
    }

    /// Number of CLM segments in each transaction set of `file`, in order.
    static func claimCountsPerTransactionSet(_ file: URL) throws -> [Int] {
        let interchanges = try InterchangeReader.read(X12Source(bytes: [UInt8](Data(contentsOf: file))))
        return interchanges.flatMap(\.groups).flatMap(\.transactionSets).map { set in
            set.segments.count { $0.id == "CLM" }
        }
    }
}

extension TestDatabase {
    /// Waits until the gateway has archived files with these original names (the last step of
    /// a file's life, recorded after its move to var/archive/).
    func waitUntilArchived(_ names: Set<String>) async throws {
        let files = FileRepository(database: database)
        try await waitUntil("\(names.sorted()) to be archived") {
            let archived = Set(try await files.files(inState: [.archived]).map(\.originalName))
            return names.isSubset(of: archived)
        }
    }
}

/// An acknowledgment file read back from an outbox.
struct Acknowledgment {
    let bytes: [UInt8]
    /// Every segment inside the transaction sets: its tag and its elements (position 1 on).
    let segments: [(id: SegmentID, elements: [String])]

    init(in directory: URL, suffix: String) throws {
        let name = try #require(GatewayProcess.files(under: directory).first { $0.hasSuffix(suffix) })
        bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
        let interchanges = try InterchangeReader.read(X12Source(bytes: bytes))
        segments = interchanges.flatMap(\.groups).flatMap(\.transactionSets).flatMap { set in
            set.segments.map { (id: $0.id, elements: $0.elements.map(\.string)) }
        }
    }

    /// Elements (position 1 on) of every segment with tag `id`.
    func segments(_ id: SegmentID) -> [[String]] {
        segments.filter { $0.id == id }.map(\.elements)
    }

    /// STC01 of every claim-level (2200D) status: the STC that follows a TRN*2 under an HL*…*PT.
    var claimStatuses: [String] {
        var statuses: [String] = []
        var inPatientLevel = false
        for segment in segments {
            if segment.id == "HL" { inPatientLevel = segment.elements.count > 2 && segment.elements[2] == "PT" }
            if inPatientLevel, segment.id == "STC" {
                statuses.append(segment.elements.first ?? "")
                inPatientLevel = false
            }
        }
        return statuses
    }
}
