import ClaimsTestSupport
import Foundation
import Testing

/// Many sessions at once across partners, with one stalled client holding a session open: every
/// session completes before a deadline. (Completion with deadlines, not timings.)
@Suite(.serialized) struct SFTPConcurrencyTests {
    @Test func fiftySessionsAcrossPartnersCompleteWhileOneClientStalls() async throws {
        try await TestDatabase.with { database in
            let partners = (1...5).map { SFTPTestbed.Partner(id: "p\($0)") }
            let bed = try await SFTPTestbed(
                databaseURL: database.url, partners: partners,
                sftpSettings: ["max_sessions: 80", "max_sessions_per_partner: 12"])
            let upload = bed.root.url.appendingPathComponent("upload.x12")
            try IndependentFixture.write(claims: 1, to: upload)
            var payload = [UInt8](repeating: 0, count: 1 << 20)
            for index in payload.indices { payload[index] = UInt8(truncatingIfNeeded: index &* 31 &+ 7) }
            for partner in partners {
                try FileManager.default.createDirectory(at: bed.outbox(partner.id), withIntermediateDirectories: true)
                try Data(payload).write(to: bed.outbox(partner.id).appendingPathComponent("download.bin"))
            }
            let stalled = try await bed.stalledUpload(upload, as: "p1", name: "stalled.x12")
            defer { kill(stalled.processIdentifier, SIGKILL) }

            let jobs = (0..<50).map { index -> [String: String] in
                let partner = partners[index % partners.count].id
                return ["user": partner, "key": bed.key(partner).path, "upload": upload.path, "name": "u\(index).x12", "download": "download.bin"]
            }
            let json = String(decoding: try JSONSerialization.data(withJSONObject: jobs), as: UTF8.self)
            let result = try await withDeadline(.seconds(120)) { try bed.paramiko("load", ["--jobs", json]) }
            #expect(result.succeeded, "\(result.output)")
            let outcomes = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
            #expect(outcomes.count == 50)
            let serverSide = bed.gateway.log.split(separator: "\n").filter { $0.contains("SFTPGateway") && !$0.contains(" info ") }
            #expect(outcomes.allSatisfy { $0["ok"] as? Bool == true }, "\(outcomes.filter { $0["ok"] as? Bool != true }) \(serverSide)")
            let expected = try SFTPTestbed.run("/usr/bin/sha256sum", [bed.outbox("p1").appendingPathComponent("download.bin").path])
                .output.prefix(64)
            #expect(outcomes.allSatisfy { ($0["sha256"] as? String) == String(expected) })
            #expect(stalled.isRunning, "the stalled client was still connected throughout")
            try await waitUntil("all 50 uploads to be taken by the pipeline", timeout: .seconds(120)) {
                GatewayProcess.files(under: bed.root.url.appendingPathComponent("var/archive")).count == 50
            }
            try await bed.gateway.stop()
        }
    }

    /// Runs blocking `work` on a thread and fails if it has not finished by `deadline`.
    func withDeadline<T: Sendable>(_ deadline: Duration, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        let box = ResultBox<T>()
        Thread { box.set(Result { try work() }) }.start()
        try await waitUntil("the clients to finish", timeout: deadline) { box.result != nil }
        return try box.result!.get()
    }
}

final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<T, any Error>?

    func set(_ result: Result<T, any Error>) {
        lock.lock()
        value = result
        lock.unlock()
    }

    var result: Result<T, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
