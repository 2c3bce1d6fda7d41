import AuditLog
import ClaimsApp
import ClaimsTestSupport
import Foundation
import Logging
import Testing

/// Partner changes are configuration changes: every reload of `partners.yaml` is audited with the
/// ids it added, removed or changed, and a file that does not parse is audited as a failure.
@Suite struct PartnerReloadAuditTests {
    static func yaml(_ partners: [(id: String, sender: String)]) -> String {
        "partners:\n" + partners.map { "  - id: \($0.id)\n    sender_ids: [{ qualifier: ZZ, id: \($0.sender) }]\n" }.joined()
    }

    @Test func reloadsAreAuditedWithWhatChanged() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("partners.yaml")
        try Data(Self.yaml([("alpha", "ALPHA"), ("beta", "BETA")]).utf8).write(to: file)
        let recorder = RecordedEvents()
        let registry = PartnerRegistry(
            try ConfigurationLoader.loadPartners(file), file: file,
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, audit: recorder)

        try Data(Self.yaml([("alpha", "ALPHA2"), ("gamma", "GAMMA")]).utf8).write(to: file)
        registry.reload(because: "SIGHUP")
        try Data("partners: [ not yaml".utf8).write(to: file)
        registry.reload(because: "file changed")

        let events = recorder.events.withLock { $0 }
        try #require(events.count == 2)
        #expect(events[0].action == "partners.reloaded" && events[0].outcome == .success)
        #expect(events[0].details["added"] == "gamma")
        #expect(events[0].details["removed"] == "beta")
        #expect(events[0].details["changed"] == "alpha")
        #expect(events[0].details["reason"] == "SIGHUP")
        #expect(events[1].action == "partners.reloaded" && events[1].outcome == .failure)
        #expect(registry.partner("gamma") != nil, "a file that does not parse keeps the partners installed")
    }
}
