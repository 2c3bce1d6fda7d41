import ClaimsApp
import ClaimsStore
import ClaimsTestSupport
import Foundation
import Logging
import Synchronization
import Testing

/// A changed `risk_threshold` applies without a restart.
@Suite(.serialized) struct ThresholdReloadTests {
    static func partnersYAML(threshold: Double, mode: String = "pend") -> String {
        """
        partners:
          - id: demo
            sender_ids:
              - { qualifier: ZZ, id: DEMOSUBMITTER }
            acknowledgments:
              positive_999: true
              policy: claim-level
            risk_threshold: \(threshold)
            review_mode: \(mode)
        """
    }

    /// A registry of `partners.yaml` in `directory`, first written with `threshold`.
    static func registry(threshold: Double, in directory: TemporaryDirectory) throws -> (PartnerRegistry, URL) {
        let file = directory.url.appendingPathComponent("partners.yaml")
        try Data(partnersYAML(threshold: threshold).utf8).write(to: file)
        let partners = PartnerRegistry(
            try ConfigurationLoader.loadPartners(file), file: file,
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        return (partners, file)
    }

    @Test func directoryRereadsAChangedFileAndKeepsSettingsOnABadOne() throws {
        let directory = try TemporaryDirectory()
        let (partners, file) = try Self.registry(threshold: 0.7, in: directory)
        #expect(partners.partner("demo")?.risk.threshold == 0.7)
        try Data(Self.partnersYAML(threshold: 0.25, mode: "defer").utf8).write(to: file)
        partners.reloadIfChanged()
        #expect(partners.partner("demo")?.risk.threshold == 0.25)
        #expect(partners.partner("demo")?.risk.reviewMode == .defer)
        try Data("partners: [ this is not yaml".utf8).write(to: file)
        partners.reloadIfChanged()
        #expect(partners.partner("demo")?.risk.threshold == 0.25)
    }

    /// Threads that check at once after an edit all see the new partners when their check
    /// returns: none finds the version current while another thread is still reading it.
    @Test func concurrentChecksReturnOnlyOnceTheNewVersionIsInstalled() throws {
        let directory = try TemporaryDirectory()
        let (partners, file) = try Self.registry(threshold: 0, in: directory)
        let stale = Atomic(0)
        for version in 1...40 {
            // Each version a new file renamed over the last; the old one kept linked so its
            // inode is not reused and every version has a fingerprint of its own.
            let kept = directory.url.appendingPathComponent("kept-\(version)")
            #expect(link(file.path, kept.path) == 0)
            let edited = directory.url.appendingPathComponent(".partners.yaml.tmp")
            try Data(Self.partnersYAML(threshold: Double(version) / 100).utf8).write(to: edited)
            #expect(rename(edited.path, file.path) == 0)
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                partners.reloadIfChanged()
                if partners.partner("demo")?.risk.threshold != Double(version) / 100 { stale.add(1, ordering: .relaxed) }
            }
        }
        #expect(stale.load(ordering: .relaxed) == 0)
    }

    /// A running `serve`: the first file is scored under threshold 1 (nothing held); the partners
    /// file is edited to 0; the next file's claims are all held.
    @Test func runningGatewayAppliesAnEditedThreshold() async throws {
        try await TestDatabase.with { db in
            let root = try TemporaryDirectory()
            let config = root.url.appendingPathComponent("Config")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try Data(
                """
                gateway:
                  interchange_qualifier: ZZ
                  interchange_id: CLAIMSGATE
                database:
                  pool_size: 2
                risk:
                  model_file: \(RiskFixtures.shippedModelURL.path)
                """.utf8
            ).write(to: config.appendingPathComponent("gateway.yaml"))
            let partners = config.appendingPathComponent("partners.yaml")
            try Data(Self.partnersYAML(threshold: 1).utf8).write(to: partners)
            let gateway = try await GatewayProcess(root: root.url, databaseURL: db.url)

            let first = try RiskFixtures.writeFile(claims: 40, seed: 61, labelled: true, in: root.url, name: "first.x12")
            try gateway.drop(first.file, as: "first.x12")
            let firstID = try await Self.waitUntilArchived("first.x12", in: db.database)
            let firstClaims = try await ClaimRepository(database: db.database).claims(fileID: firstID)
            #expect(firstClaims.count == 40)
            #expect(firstClaims.allSatisfy { $0.state != .review && $0.riskScore != nil })

            // As an editor saves: a new file renamed over the old one.
            let edited = config.appendingPathComponent(".partners.yaml.tmp")
            try Data(Self.partnersYAML(threshold: 0).utf8).write(to: edited)
            #expect(rename(edited.path, partners.path) == 0)

            let second = try RiskFixtures.writeFile(claims: 40, seed: 62, labelled: true, in: root.url, name: "second.x12")
            try gateway.drop(second.file, as: "second.x12")
            let secondID = try await Self.waitUntilArchived("second.x12", in: db.database)
            let secondClaims = try await ClaimRepository(database: db.database).claims(fileID: secondID)
            #expect(secondClaims.count == 40)
            #expect(secondClaims.allSatisfy { $0.state == .review })
            #expect(gateway.log.contains("partners reloaded"))

            // The review commands, as an operator runs them beside the running gateway.
            let environment = ["CLAIMSGATE_DATABASE_URL": db.url]
            let list = try RiskFixtures.runCLI(["review", "list", "--root", root.url.path], environment: environment)
            #expect(list.status == 0, "\(list.output)")
            let claim = "CG\(secondID)-1"
            #expect(list.output.split(separator: "\n").count { $0.hasPrefix("CG\(secondID)-") } == 40, "\(list.output)")
            let show = try RiskFixtures.runCLI(["review", "show", claim, "--root", root.url.path], environment: environment)
            #expect(show.output.contains("top factors: [{"), "\(show.output)")
            let release = try RiskFixtures.runCLI(
                ["review", "release", claim, "--reviewer", "ana", "--root", root.url.path], environment: environment)
            #expect(release.status == 0, "\(release.output)")
            let audited = try RiskFixtures.runCLI(
                ["audit", "show", "--action", "review.released", "--root", root.url.path], environment: environment)
            #expect(audited.output.contains("ana") && audited.output.contains(claim), "\(audited.output)")
            let reloads = try RiskFixtures.runCLI(
                ["audit", "show", "--action", "partners.reloaded", "--root", root.url.path], environment: environment)
            #expect(reloads.output.contains("partners.yaml") && reloads.output.contains("demo"), "\(reloads.output)")
            #expect(GatewayProcess.files(under: gateway.outbox).contains { $0.hasSuffix("_second.x12_\(claim)_277CA.x12") })
            let again = try RiskFixtures.runCLI(["review", "reject", claim, "--root", root.url.path], environment: environment)
            #expect(again.status != 0)
            #expect(again.output.contains("is not in review"))
            #expect(try await gateway.stop() == 0)
        }
    }

    static func waitUntilArchived(_ name: String, in database: Database) async throws -> Int64 {
        let files = FileRepository(database: database)
        var id: Int64?
        try await waitUntil("\(name) to be archived") {
            id = try await files.files(inState: [.archived]).first { $0.originalName == name }?.id
            return id != nil
        }
        return id!
    }
}
